"use client";
// Hype index per day or week (lib/metrics.ts hypeIndex): bars from the anticipation-phase
// coverage, raw or per 100 tracked documents, on the same axis as the timeline above it.
import { Bar, CartesianGrid, ComposedChart, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { EXCITEMENT_WEIGHT } from "@/lib/metrics";
import { formatDay, formatSigned, formatStance } from "../format";
import { PALETTE } from "../palette";
import { relativeTicks, releaseLine, timeXAxis, valueYAxis } from "./axes";
import { bucketName, perBucket } from "./bucketLabels";
import { Chart } from "./Chart";
import { releaseLabelSide } from "./TimelineChart";
import type { Axis, Bucket, TimeChartView, TimelinePoint } from "./timelineSeries";

type Datum = TimelinePoint & { value: number | null };

export function HypeChart({ points, release, releaseDate, axis, bucket, scale }: TimeChartView) {
  const data: Datum[] = points.map((p) => ({ ...p, value: p.anticipationN === 0 ? null : scale === "share" ? p.hypeShare : p.hype }));
  const yLabel = scale === "share" ? "Hype per 100 tracked docs" : `Hype index ${perBucket(bucket)}`;
  const xLabel = axis === "relative" && releaseDate ? `Days from release (T0 = ${formatDay(releaseDate)})` : bucket === "week" ? "Week starting" : "Publication date";
  return (
    <Chart
      isEmpty={data.every((d) => d.value === null)}
      emptyTitle="No anticipation coverage in this view"
      emptyMessage="The hype index counts documents published before release."
      label={`${yLabel}: anticipation volume times its mean stance, plus excitement signals. The numbers are in the timeline CSV.`}
      height={220}
    >
      <ComposedChart data={data} margin={{ top: 16, right: 56, bottom: 8, left: 0 }} barCategoryGap="12%" accessibilityLayer>
        <CartesianGrid stroke={PALETTE.grid} vertical={false} />
        <XAxis
          {...timeXAxis({
            axis,
            title: xLabel,
            ticks: axis === "relative" ? relativeTicks(data, bucket) : undefined,
            height: 46,
          })}
        />
        <YAxis
          domain={niceDomain(data)}
          ticks={niceTicks(niceDomain(data))}
          tickFormatter={(v: number) => (v === 0 ? "0" : formatSigned(v, niceDomain(data)[1] - niceDomain(data)[0] >= 5 ? 0 : 1).replace(/^\+/, ""))}
          {...valueYAxis(yLabel)}
          width={48}
        />
        <ReferenceLine y={0} stroke={PALETTE.neutral} />
        <Bar dataKey="value" name="Hype index" fill={PALETTE.anticipation} maxBarSize={28} isAnimationActive={false} />
        {release ? <ReferenceLine x={release} {...releaseLine(releaseLabelSide(data, release))} /> : null}
        <Tooltip content={(p: TooltipContentProps) => <HypeTooltip {...p} axis={axis} bucket={bucket} />} cursor={{ fill: "rgba(29, 36, 51, 0.06)" }} />
      </ComposedChart>
    </Chart>
  );
}

/** A domain from 0 (or below, for doubtful coverage) to a round number, in steps of 0.5, 1, 2, 5, 10…. */
function niceDomain(data: Datum[]): [number, number] {
  const values = data.map((d) => d.value ?? 0);
  const step = niceStep(Math.max(...values, 0) - Math.min(...values, 0));
  return [Math.floor(Math.min(...values, 0) / step) * step, Math.ceil(Math.max(...values, 0.0001) / step) * step];
}

function niceStep(range: number): number {
  const raw = Math.max(range, 0.5) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

function niceTicks([low, high]: [number, number]): number[] {
  const step = niceStep(high - low);
  const ticks: number[] = [];
  for (let v = low; v <= high + step / 1000; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return ticks;
}

function HypeTooltip({ active, payload, axis, bucket }: TooltipContentProps & { axis: Axis; bucket: Bucket }) {
  const p = payload?.[0]?.payload as Datum | undefined;
  if (!active || !p) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{bucketName(p, axis, bucket)}</p>
      {p.anticipationN === 0 ? (
        <p>No anticipation-phase documents</p>
      ) : (
        <dl>
          <dt>Hype index</dt>
          <dd>
            {formatSigned(p.hype, 2)}
            {p.hypeShare === null ? "" : ` (${formatSigned(p.hypeShare, 1)} per 100 tracked)`}
          </dd>
          <dt>From</dt>
          <dd>
            n = {p.anticipationN} × mean stance {formatStance(p.anticipationStance ?? 0)} + {EXCITEMENT_WEIGHT} × {p.excitement} excitement signal
            {p.excitement === 1 ? "" : "s"}
          </dd>
        </dl>
      )}
    </div>
  );
}
