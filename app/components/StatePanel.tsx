// The one place that renders "nothing to show here" states: empty data, not enough coverage,
// or a chart that has no points. Server-safe (no hooks), so both pages and charts use it.
import type { ReactNode } from "react";

export type PanelState = "empty" | "insufficient" | "error";

const ICONS: Record<PanelState, string> = { empty: "○", insufficient: "◔", error: "!" };

export function StatePanel({
  state,
  title,
  children,
  compact = false,
}: {
  state: PanelState;
  title: string;
  children?: ReactNode;
  compact?: boolean;
}) {
  return (
    <div className={`state-panel state-panel--${state}${compact ? " state-panel--compact" : ""}`} role="status">
      <span className="state-panel__icon" aria-hidden="true">
        {ICONS[state]}
      </span>
      <div>
        <p className="state-panel__title">{title}</p>
        {children ? <div className="state-panel__body">{children}</div> : null}
      </div>
    </div>
  );
}
