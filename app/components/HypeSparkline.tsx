// A tiny weekly hype bar chart for the overview cards: plain SVG rendered on the server (no chart
// library for 20 bars), with its numbers in the accessible name.
import { formatDay, formatSigned } from "./format";
import { PALETTE } from "./palette";

export interface SparkPoint {
  /** Monday of the week (YYYY-MM-DD). */
  day: string;
  hype: number;
}

const WIDTH = 160;
const HEIGHT = 36;

export function HypeSparkline({ points, titleName }: { points: SparkPoint[]; titleName: string }) {
  if (points.length === 0) return <span className="muted small">no dated anticipation coverage</span>;
  const max = Math.max(...points.map((p) => p.hype), 0);
  const min = Math.min(...points.map((p) => p.hype), 0);
  const span = max - min || 1;
  const zero = HEIGHT - ((0 - min) / span) * HEIGHT;
  const step = WIDTH / points.length;
  const peak = points.reduce((best, p) => (p.hype > best.hype ? p : best), points[0]);
  const label = `Hype index of ${titleName} per week before release, ${points.length} weeks from ${formatDay(points[0].day)}: peak ${formatSigned(peak.hype)} in the week of ${formatDay(peak.day)}.`;
  return (
    <svg className="sparkline" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} preserveAspectRatio="none">
      <line x1={0} x2={WIDTH} y1={zero} y2={zero} stroke={PALETTE.grid} />
      {points.map((p, i) => {
        const y = HEIGHT - ((p.hype - min) / span) * HEIGHT;
        return <rect key={p.day} x={i * step + step * 0.15} width={Math.max(1, step * 0.7)} y={Math.min(y, zero)} height={Math.max(p.hype === 0 ? 0 : 1, Math.abs(zero - y))} fill={PALETTE.anticipation} />;
      })}
    </svg>
  );
}
