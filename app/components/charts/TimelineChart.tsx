"use client";
// Volume bars (stacked by phase) on the left axis and daily mean stance per phase on the right
// axis, one point per calendar day, with the release date marked.
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
} from "recharts";
import type { TimelineRow } from "@/lib/queries/getTimeline";
import { formatDay, formatMonth, formatShortDay, formatStance, formatStanceTick } from "../format";
import { PALETTE } from "../palette";
import { Chart } from "./Chart";
import { buildTimelineSeries, type TimelinePoint } from "./timelineSeries";

const STANCE_TICKS = [-1, -0.5, 0, 0.5, 1];

export function TimelineChart({ rows, releaseDate }: { rows: TimelineRow[]; releaseDate: string | null }) {
  const { points, release } = buildTimelineSeries(rows, releaseDate);
  // Beyond ~10 months of days, "6 Jun" ticks repeat without a year: show months instead.
  const tickFormatter = points.length > 300 ? formatMonth : formatShortDay;
  const range = points.length ? `${formatDay(points[0].day)} – ${formatDay(points[points.length - 1].day)}` : "";
  return (
    <Chart
      isEmpty={points.length === 0}
      emptyTitle="No dated coverage yet"
      emptyMessage="The timeline shows documents with a known publication date. Undated documents are counted above and listed below."
      label="Documents per day by phase, with the daily mean stance of anticipation and reception coverage"
      height={360}
    >
      <ComposedChart data={points} margin={{ top: 24, right: 8, bottom: 8, left: 0 }} barCategoryGap="12%">
        <CartesianGrid stroke={PALETTE.grid} vertical={false} />
        <XAxis
          dataKey="day"
          tickFormatter={tickFormatter}
          tick={{ fontSize: 12, fill: PALETTE.muted }}
          minTickGap={28}
          interval="preserveStartEnd"
          height={48}
          label={{ value: `Publication date (${range})`, position: "insideBottom", offset: 0, fontSize: 12, fill: PALETTE.muted }}
        />
        <YAxis
          yAxisId="volume"
          allowDecimals={false}
          tick={{ fontSize: 12, fill: PALETTE.muted }}
          width={56}
          label={{ value: "Documents per day", angle: -90, position: "insideLeft", offset: 4, fontSize: 12, fill: PALETTE.muted, style: { textAnchor: "middle" } }}
        />
        <YAxis
          yAxisId="stance"
          orientation="right"
          domain={[-1, 1]}
          ticks={STANCE_TICKS}
          tickFormatter={formatStanceTick}
          tick={{ fontSize: 12, fill: PALETTE.muted }}
          width={62}
          label={{ value: "Mean stance (−1…1)", angle: 90, position: "insideRight", offset: 2, fontSize: 12, fill: PALETTE.muted, style: { textAnchor: "middle" } }}
        />
        <ReferenceLine yAxisId="stance" y={0} stroke={PALETTE.neutral} strokeDasharray="2 4" ifOverflow="extendDomain" />
        <Bar yAxisId="volume" dataKey="anticipation" name="Anticipation documents" stackId="volume" fill={PALETTE.anticipationSoft} maxBarSize={28} isAnimationActive={false} />
        <Bar yAxisId="volume" dataKey="reception" name="Reception documents" stackId="volume" fill={PALETTE.receptionSoft} maxBarSize={28} isAnimationActive={false} />
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
            stroke={PALETTE.ink}
            strokeDasharray="4 3"
            label={{ value: "Release", position: "insideTopLeft", fontSize: 12, fill: PALETTE.ink, fontWeight: 600 }}
          />
        ) : null}
        <Tooltip content={TimelineTooltip} cursor={{ fill: "rgba(29, 36, 51, 0.06)" }} />
        <Legend verticalAlign="bottom" iconSize={10} wrapperStyle={{ fontSize: 12, paddingTop: 8 }} />
      </ComposedChart>
    </Chart>
  );
}

function TimelineTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as TimelinePoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{formatDay(point.day)}</p>
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
        {point.articles} article{point.articles === 1 ? "" : "s"} · {point.reviews} review{point.reviews === 1 ? "" : "s"}
      </p>
    </div>
  );
}

function stanceLine(n: number, stance: number | null): string {
  if (n === 0 || stance === null) return "no documents";
  return `mean stance ${formatStance(stance)}, n = ${n}`;
}
