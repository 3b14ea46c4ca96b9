"use client";
// Generic chart frame: the empty state, an accessible figure and a responsive container.
// Domain charts (TimelineChart) only map data to series and draw inside it.
import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import { StatePanel } from "../StatePanel";

export function Chart({
  isEmpty,
  emptyTitle,
  emptyMessage,
  label,
  height = 340,
  children,
}: {
  isEmpty: boolean;
  emptyTitle: string;
  emptyMessage?: string;
  /** What the chart shows, for screen readers. */
  label: string;
  height?: number;
  children: ReactElement;
}) {
  if (isEmpty) {
    return (
      <StatePanel state="empty" title={emptyTitle}>
        {emptyMessage}
      </StatePanel>
    );
  }
  return (
    <figure className="chart" aria-label={label} style={{ height }}>
      <ResponsiveContainer width="100%" height={height} minWidth={0}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}
