"use client";
// Several titles on the relative axis (days from each one's own release): one line per title,
// each with its own Okabe–Ito colour, dash pattern and marker shape, so colour is never the only cue.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatOffset } from "../format";
import { PALETTE } from "../palette";
import { relativeTicks, releaseLine, timeXAxis, valueYAxis } from "./axes";
import { perBucket } from "./bucketLabels";
import { Chart } from "./Chart";
import type { Bucket } from "./timelineSeries";

/** Okabe–Ito, in an order where neighbours differ in lightness too; black first for contrast. */
export const SERIES_COLOURS = ["#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"] as const;
export const SERIES_DASHES = ["", "6 3", "2 3", "10 3 2 3", "4 4", "1 2"] as const;

/** A short sample of a title's line (colour and dash), for headings and tables beside the chart. */
export function SeriesSwatch({ index }: { index: number }) {
  return (
    <svg width="26" height="8" aria-hidden="true" className="series-swatch">
      <line x1="1" x2="25" y1="4" y2="4" stroke={SERIES_COLOURS[index % SERIES_COLOURS.length]} strokeWidth="3" strokeDasharray={SERIES_DASHES[index % SERIES_DASHES.length]} />
    </svg>
  );
}

export interface CompareSeries {
  slug: string;
  name: string;
  releaseDate: string;
}

/** One row per bucket: x, offset and, per title slug, its value (null: nothing tracked). */
export type CompareRow = { x: string; offset: number } & Record<string, number | string | null>;

export function CompareChart({ rows, series, bucket, scale }: { rows: CompareRow[]; series: CompareSeries[]; bucket: Bucket; scale: "raw" | "share" }) {
  const yLabel = scale === "share" ? "Share of tracked coverage (%)" : `Documents ${perBucket(bucket)}`;
  const empty = rows.every((r) => series.every((s) => !r[s.slug]));
  return (
    <Chart
      isEmpty={empty || series.length === 0}
      emptyTitle="Nothing to compare in this view"
      emptyMessage="Pick titles with a registered release date and dated coverage between T−120 and T+60."
      label={`${yLabel} of ${series.map((s) => s.name).join(", ")}, aligned on days from each title's release. The numbers are in the table view below.`}
      height={380}
    >
      <LineChart data={rows} margin={{ top: 16, right: 12, bottom: 8, left: 0 }} accessibilityLayer>
        <CartesianGrid stroke={PALETTE.grid} vertical={false} />
        <XAxis
          {...timeXAxis({
            axis: "relative",
            title: `Days from each title's release (T0)${bucket === "week" ? ", by week" : ""}`,
            ticks: relativeTicks(rows, bucket),
            height: 52,
          })}
        />
        <YAxis
          allowDecimals={scale === "share"}
          {...valueYAxis(yLabel)}
          width={48}
        />
        <ReferenceLine x="0" {...releaseLine("insideTopLeft")} />
        {series.map((s, i) => (
          <Line
            key={s.slug}
            dataKey={s.slug}
            name={s.name}
            type="linear"
            stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]}
            strokeWidth={2}
            strokeDasharray={SERIES_DASHES[i % SERIES_DASHES.length]}
            legendType="plainline"
            dot={false}
            activeDot={{ r: 5 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        <Tooltip content={(p: TooltipContentProps) => <CompareTooltip {...p} series={series} scale={scale} />} />
        <Legend verticalAlign="bottom" iconSize={11} wrapperStyle={{ fontSize: 12, paddingTop: 8 }} />
      </LineChart>
    </Chart>
  );
}

function CompareTooltip({ active, payload, series, scale }: TooltipContentProps & { series: CompareSeries[]; scale: "raw" | "share" }) {
  const row = payload?.[0]?.payload as CompareRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{formatOffset(row.offset)}</p>
      <dl>
        {series.map((s, i) => {
          const value = row[s.slug];
          const n = row[`${s.slug}__n`];
          return (
            <div key={s.slug}>
              <dt>
                <span className="swatch" style={{ background: SERIES_COLOURS[i % SERIES_COLOURS.length] }} /> {s.name}
              </dt>
              <dd>
                {typeof value === "number" ? (scale === "share" ? `${value.toFixed(1)}% (n = ${n})` : `${value} document${value === 1 ? "" : "s"}`) : "nothing tracked"}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
