import type { PhaseStance } from "@/lib/queries/getOverview";
import { MIN_N, stanceLabel } from "@/lib/metrics";
import { formatStance } from "./format";
import { StanceBadge } from "./StanceBadge";

/** A phase's mean document stance with its n, or "not enough coverage" below the minimum n. */
export function StanceValue({ stance }: { stance: PhaseStance }) {
  if (stance.mean === null || stance.n < MIN_N) {
    return (
      <div className="stance--insufficient" title={`At least ${MIN_N} documents are needed for a score`}>
        not enough coverage <span className="stance__n">(n = {stance.n})</span>
      </div>
    );
  }
  // The label of a mean uses the document bands; the spread between documents tells "mixed".
  const label = stanceLabel(stance.mean, stance.spread ?? 0);
  return (
    <div className="stance">
      <span className="stance__score">{formatStance(stance.mean)}</span>
      <StanceBadge label={label} />
      <span className="stance__n">n = {stance.n}</span>
    </div>
  );
}
