import type { Phase } from "@/lib/analysis/types";
import { PHASE_LABELS } from "./format";

/** A document's phase, with the "inferred" marker when it was read from the text, not its date. */
export function PhaseTag({ phase, inferred }: { phase: Phase | null; inferred: boolean }) {
  if (!phase) return <span className="tag">unknown</span>;
  return (
    <span className="nowrap">
      <span className={`tag tag--${phase}`}>{PHASE_LABELS[phase]}</span>
      {inferred ? (
        <span className="inferred" title="Undated: the phase was inferred from the text">
          inferred
        </span>
      ) : null}
    </span>
  );
}
