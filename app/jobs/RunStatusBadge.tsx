import type { RunStatus } from "@/lib/queries/getIngestRuns";

// Reuses the stance pill colours: blue for done, plum for partly done, orange for failed, grey
// while running. The word is always shown, so colour is never the only cue.
// "stopped": asked to stop (SIGTERM, Ctrl-C) after a whole document; grey like a run not finished.
const TONE: Record<RunStatus, string> = { succeeded: "positive", partial: "mixed", failed: "negative", running: "neutral", stopped: "neutral" };

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={`badge badge--${TONE[status]}`}>{status}</span>;
}
