"use client";
// Volume bars (stacked by phase: documents, or their share of all tracked coverage) on the left
// axis and the mean stance per phase on the right axis, one bar per day or week, on calendar
// dates or days relative to release. The release is a reference line; events are numbered
// markers above the plot (laid out so they never overlap); spikes are ▲ markers that explain
// themselves in the tooltip and, on click or Enter, in the list under the chart.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
} from "recharts";
import type { BucketDocumentsRow } from "@/lib/queries/getBucketDocuments";
import { SPIKE_RULE } from "@/lib/timeline/spikes";
import { formatDay, formatStance, formatStanceTick } from "../format";
import { PALETTE } from "../palette";
import { relativeTicks, releaseLine, timeXAxis, valueYAxis } from "./axes";
import { bucketName, perBucket } from "./bucketLabels";
import { Chart } from "./Chart";
import { lanesThatFit, layoutLanes } from "./markerLayout";
import type { Axis, Bucket, TimeChartView, TimelinePoint } from "./timelineSeries";

const STANCE_TICKS = [-1, -0.5, 0, 0.5, 1];
const MARKER_R = 9;
const LANE_HEIGHT = 22;
export const EVENT_LANES = 2;

export interface ChartEvent {
  /** 1-based number shown on the marker and in the events list. */
  number: number;
  x: string;
  day: string;
  label: string;
  origin: "manual" | "detected";
}

export interface TimelineChartProps extends TimeChartView {
  events: ChartEvent[];
  /** Spike explanations by x key. */
  explanations: Record<string, BucketDocumentsRow>;
  onSpike?: (x: string) => void;
  height?: number;
}

type Datum = TimelinePoint & { barAnticipation: number | null; barReception: number | null; total: number | null };

const pct = (value: number, tracked: number) => (tracked > 0 ? (100 * value) / tracked : null);

export function TimelineChart(props: TimelineChartProps) {
  const { points, release, releaseDate, axis, bucket, scale, events, explanations, onSpike, height = 380 } = props;
  const data: Datum[] = points.map((p) => {
    const barAnticipation = scale === "share" ? pct(p.anticipation, p.tracked) : p.anticipation;
    const barReception = scale === "share" ? pct(p.reception, p.tracked) : p.reception;
    return { ...p, barAnticipation, barReception, total: barAnticipation === null ? null : barAnticipation + (barReception ?? 0) };
  });
  const isEmpty = points.every((p) => p.documents === 0);
  const volumeLabel = scale === "share" ? "Share of tracked coverage (%)" : `Documents ${perBucket(bucket)}`;
  const xLabel =
    axis === "relative" && releaseDate
      ? `Days from release (T0 = ${formatDay(releaseDate)})${bucket === "week" ? ", by week" : ""}`
      : `Publication date${bucket === "week" ? ", week starting" : ""}${points.length ? ` (${formatDay(points[0].day)} – ${formatDay(points[points.length - 1].lastDay)})` : ""}`;
  const ticks = axis === "relative" ? relativeTicks(points, bucket) : undefined;
  const spikes = data.filter((d) => d.spike).length;
  return (
    <Chart
      isEmpty={isEmpty}
      emptyTitle="No dated coverage in this view"
      emptyMessage="The timeline shows documents with a known publication date. Widen the filters, or switch to calendar dates if the coverage lies outside T−120 … T+60."
      label={`${volumeLabel} by phase, with the mean stance of anticipation and reception coverage, ${events.length} event${events.length === 1 ? "" : "s"} and ${spikes} spike${spikes === 1 ? "" : "s"} marked. The same numbers are in the table view and the timeline CSV.`}
      height={height}
    >
      <ComposedChart data={data} margin={{ top: 12 + EVENT_LANES * LANE_HEIGHT, right: 4, bottom: 8, left: 0 }} barCategoryGap="12%" accessibilityLayer>
        <CartesianGrid stroke={PALETTE.grid} vertical={false} />
        <XAxis {...timeXAxis({ axis, title: xLabel, ticks, height: 52 })} />
        <YAxis
          yAxisId="volume"
          allowDecimals={scale === "share"}
          {...valueYAxis(volumeLabel)}
          width={48}
        />
        <YAxis
          yAxisId="stance"
          orientation="right"
          domain={[-1, 1]}
          ticks={STANCE_TICKS}
          tickFormatter={formatStanceTick}
          {...valueYAxis("Mean stance (−1…1)", "right")}
          width={52}
        />
        <ReferenceLine yAxisId="stance" y={0} stroke={PALETTE.neutral} strokeDasharray="2 4" ifOverflow="extendDomain" />
        <Bar yAxisId="volume" dataKey="barAnticipation" name="Anticipation documents" stackId="volume" fill={PALETTE.anticipationSoft} maxBarSize={28} isAnimationActive={false} />
        <Bar yAxisId="volume" dataKey="barReception" name="Reception documents" stackId="volume" fill={PALETTE.receptionSoft} maxBarSize={28} isAnimationActive={false} />
        <Line
          yAxisId="stance"
          dataKey="anticipationStance"
          name="Anticipation stance"
          type="linear"
          stroke={PALETTE.anticipation}
          strokeWidth={2}
          dot={{ r: 3, fill: PALETTE.anticipation, strokeWidth: 0 }}
          activeDot={{ r: 5 }}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          yAxisId="stance"
          dataKey="receptionStance"
          name="Reception stance"
          type="linear"
          stroke={PALETTE.reception}
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={{ r: 3, fill: PALETTE.reception, strokeWidth: 0 }}
          activeDot={{ r: 5 }}
          connectNulls
          isAnimationActive={false}
        />
        {release ? (
          <ReferenceLine
            yAxisId="volume"
            x={release}
            {...releaseLine(releaseLabelSide(points, release))}
          />
        ) : null}
        <EventMarks events={events} />
        <SpikeMarks data={data} onSpike={onSpike} axis={axis} bucket={bucket} />
        <Tooltip content={(p: TooltipContentProps) => <TimelineTooltip {...p} axis={axis} bucket={bucket} events={events} explanations={explanations} />} cursor={{ fill: "rgba(29, 36, 51, 0.06)" }} />
        <Legend verticalAlign="bottom" iconSize={10} wrapperStyle={{ fontSize: 12, paddingTop: 8 }} />
      </ComposedChart>
    </Chart>
  );
}

/** The release label reads to the right of its line, or to the left near the right edge (it would run into the axis). */
export function releaseLabelSide(points: readonly { x: string }[], release: string): "insideTopLeft" | "insideTopRight" {
  const index = points.findIndex((p) => p.x === release);
  return index > points.length * 0.75 ? "insideTopRight" : "insideTopLeft";
}

// Label text is estimated at this many pixels per character (11 px bold): generous, so an estimate
// never lets two labels touch (the browser tests measure the real boxes).
const CHAR_WIDTH = 7;

/**
 * Event markers in lanes above the plot, each with a dotted line down to its bucket. With room
 * (wide charts, events apart), each marker carries its label; otherwise only its number, and
 * the numbered list under the chart gives the labels.
 */
function EventMarks({ events }: { events: ChartEvent[] }) {
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  if (!xScale || !plot || events.length === 0) return null;
  const placed = events
    .map((e) => ({ e, px: xScale(e.x, { position: "middle" }) }))
    .filter((p): p is { e: ChartEvent; px: number } => typeof p.px === "number");
  const labelled = placed.map(({ e, px }) => {
    const width = 2 * MARKER_R + 4 + e.label.length * CHAR_WIDTH;
    return { x: px - MARKER_R + width / 2, width };
  });
  const withLabels = lanesThatFit(labelled, 8, EVENT_LANES, plot.x - 40, plot.x + plot.width + 40);
  const lanes = withLabels ?? layoutLanes(placed.map((p) => ({ x: p.px, width: 2 * MARKER_R })), 3, EVENT_LANES);
  return (
    <g className="timeline-events">
      {placed.map(({ e, px }, i) => {
        const cy = plot.y - 4 - MARKER_R - (EVENT_LANES - 1 - lanes[i]) * LANE_HEIGHT;
        return (
          <g key={`${e.number}`} className="timeline-event" data-day={e.day}>
            <title>{`${e.number}. ${formatDay(e.day)}: ${e.label} (${e.origin === "manual" ? "added by hand" : "detected from coverage"})`}</title>
            <line x1={px} x2={px} y1={cy + MARKER_R} y2={plot.y + plot.height} stroke={PALETTE.mixed} strokeDasharray="1 3" strokeWidth={1.5} />
            <circle cx={px} cy={cy} r={MARKER_R} fill={e.origin === "manual" ? PALETTE.ink : "#ffffff"} stroke={PALETTE.ink} strokeWidth={1.5} />
            <text x={px} y={cy} dy="0.35em" textAnchor="middle" fontSize={11} fontWeight={700} fill={e.origin === "manual" ? "#ffffff" : PALETTE.ink}>
              {e.number}
            </text>
            {withLabels ? (
              <text className="timeline-event__label" x={px + MARKER_R + 4} y={cy} dy="0.35em" fontSize={11} fontWeight={600} fill={PALETTE.ink}>
                {e.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

/** ▲ above each spike bucket's bar: hover for the tooltip, click or Enter to open its explanation. */
function SpikeMarks({ data, onSpike, axis, bucket }: { data: Datum[]; onSpike?: (x: string) => void; axis: Axis; bucket: Bucket }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale("volume");
  if (!xScale || !yScale) return null;
  return (
    <g className="timeline-spikes">
      {data
        .filter((d) => d.spike && d.total !== null)
        .map((d) => {
          const px = xScale(d.x, { position: "middle" });
          const py = yScale(d.total);
          if (typeof px !== "number" || typeof py !== "number") return null;
          const name = `Spike: ${bucketName(d, axis, bucket)}, ${spikeText(d, bucket)}. Show why.`;
          const open = () => onSpike?.(d.x);
          return (
            <g
              key={d.x}
              className="timeline-spike"
              data-x={d.x}
              role="button"
              tabIndex={0}
              aria-label={name}
              onClick={open}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  open();
                }
              }}
              style={{ cursor: "pointer" }}
            >
              <path d={`M ${px - 6} ${py - 5} L ${px + 6} ${py - 5} L ${px} ${py - 15} Z`} fill={PALETTE.mixed} stroke="#ffffff" strokeWidth={1} />
            </g>
          );
        })}
    </g>
  );
}

/**
 * How far above its baseline a spike is, in words: "6.0× the baseline of 0.50 per week", or,
 * when the baseline is below SPIKE_RULE.floor (a ratio to almost nothing means little), "up from
 * 0.04 per day".
 */
export function spikeText(p: Pick<TimelinePoint, "documents" | "baseline" | "ratio">, bucket: Bucket): string {
  const docs = `${p.documents} document${p.documents === 1 ? "" : "s"}`;
  if (p.baseline === null || p.ratio === null) return `${docs} (no baseline)`;
  if (p.baseline < SPIKE_RULE.floor) return `${docs}, up from ${p.baseline.toFixed(2)} ${perBucket(bucket)}`;
  return `${docs}, ${p.ratio >= 10 ? Math.round(p.ratio) : p.ratio.toFixed(1)}× the baseline of ${p.baseline.toFixed(2)} ${perBucket(bucket)}`;
}

function TimelineTooltip({
  active,
  payload,
  axis,
  bucket,
  events,
  explanations,
}: TooltipContentProps & { axis: Axis; bucket: Bucket; events: ChartEvent[]; explanations: Record<string, BucketDocumentsRow> }) {
  const point = payload?.[0]?.payload as Datum | undefined;
  if (!active || !point) return null;
  const here = events.filter((e) => e.x === point.x);
  const why = point.spike ? explanations[point.x] : undefined;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{bucketName(point, axis, bucket)}</p>
      <dl>
        <dt>
          <span className="swatch" style={{ background: PALETTE.anticipationSoft }} /> Anticipation
        </dt>
        <dd>{stanceLine(point.anticipationN, point.anticipationStance)}</dd>
        <dt>
          <span className="swatch" style={{ background: PALETTE.receptionSoft }} /> Reception
        </dt>
        <dd>{stanceLine(point.receptionN, point.receptionStance)}</dd>
      </dl>
      <p className="chart-tooltip__foot">
        {point.articles} article{point.articles === 1 ? "" : "s"} · {point.reviews} review{point.reviews === 1 ? "" : "s"} ·{" "}
        {point.share === null ? "nothing tracked" : `${point.share.toFixed(1)}% of ${point.tracked} tracked`}
      </p>
      {here.map((e) => (
        <p key={e.number} className="chart-tooltip__event">
          {e.number}. {e.label}
        </p>
      ))}
      {point.spike ? (
        <div className="chart-tooltip__spike">
          <p>
            <strong>▲ Spike</strong>: {spikeText(point, bucket)}
          </p>
          {why?.keyphrases.length ? <p>Top keyphrases: {why.keyphrases.slice(0, 4).map((k) => k.text).join(", ")}</p> : null}
          {why?.headlines.length ? (
            <ul>
              {why.headlines.slice(0, 3).map((h) => (
                <li key={h.id}>{h.headline}</li>
              ))}
            </ul>
          ) : null}
          <p className="chart-tooltip__hint">Click the ▲ for the full list</p>
        </div>
      ) : null}
    </div>
  );
}

function stanceLine(n: number, stance: number | null): string {
  if (n === 0 || stance === null) return "no documents";
  return `mean stance ${formatStance(stance)}, n = ${n}`;
}
