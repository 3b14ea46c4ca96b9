// Every per-title rollup a document adds to, in one place: the daily (timeline, scores), aspect,
// keyphrase, event and per-title count rollups. Both functions run inside the document's
// transaction (storeDocument), so a reader never sees a document without its share of the
// rollups, or the reverse.
import type { Queryable } from "../db/transaction";
import type { AnalyzedDocument } from "../analysis/analyze";
import { aspectStatsWrite, rebuildAspectStats } from "./aspectStats";
import { type CteWrite, runWrites } from "./cteWrites";
import { dailyStatsWrite, rebuildDailyStats } from "./dailyStats";
import { eventStatsWrite, rebuildEventStats } from "./eventStats";
import { type KeyphraseUse, keyphraseStatsWrite, rebuildKeyphraseStats } from "./keyphraseStats";
import { rebuildTitleStats, titleStatsWrite } from "./titleStats";

/**
 * Adds one original document (never a copy: its original already counts) to its title's
 * rollups, in one statement.
 */
export async function addToRollups(
  client: Queryable,
  titleId: number,
  doc: AnalyzedDocument,
  { keyphrases, events, excitement }: { keyphrases: readonly KeyphraseUse[]; events: readonly string[]; excitement: number },
): Promise<void> {
  // Dated English documents only on the timeline and in the scores; events need a day, not a phase.
  const datedEnglish = doc.publishedAt !== null && doc.language === "en";
  const writes: (CteWrite | null)[] = [
    titleStatsWrite(titleId),
    // A document without a phase has no place in the phase-split rollups; its keyphrases still describe the title.
    keyphraseStatsWrite(titleId, keyphrases, doc.publishedAt),
    datedEnglish ? eventStatsWrite(titleId, doc.publishedAt!, events) : null,
  ];
  if (doc.phase) {
    if (datedEnglish) {
      writes.push(
        dailyStatsWrite({
          titleId,
          day: doc.publishedAt!,
          phase: doc.phase,
          kind: doc.kind,
          stanceScore: doc.stance.score,
          stanceLabel: doc.stance.label,
          excitement,
        }),
      );
    }
    writes.push(aspectStatsWrite(titleId, doc.phase, doc.sentences));
  }
  await runWrites(client, writes);
}

/** Recomputes every rollup of one title from its documents (after its release date, phases or copies change). */
export async function rebuildRollups(client: Queryable, titleId: number): Promise<void> {
  await rebuildDailyStats(client, titleId);
  await rebuildAspectStats(client, titleId);
  await rebuildKeyphraseStats(client, titleId);
  await rebuildEventStats(client, titleId);
  await rebuildTitleStats(client, titleId);
}
