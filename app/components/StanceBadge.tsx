import type { StanceLabel } from "@/lib/analysis/types";

/** A stance label as a coloured pill; the word is always shown, colour is never the only cue. */
export function StanceBadge({ label }: { label: StanceLabel }) {
  return <span className={`badge badge--${label}`}>{label}</span>;
}
