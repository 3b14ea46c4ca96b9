import type { KeyphraseRow } from "@/lib/queries/getTopKeyphrases";
import { StatePanel } from "@/app/components/StatePanel";
import { formatDay } from "@/app/components/format";

/**
 * Keyphrases ranked by how many documents use them; the bar is the share of the top one. A phrase
 * whose weekly share jumped (RISING in lib/metrics.ts, from getKeyphraseTrends) is marked "rising".
 */
export function KeyphraseList({ keyphrases, rising }: { keyphrases: KeyphraseRow[]; rising: Map<string, string[]> }) {
  if (keyphrases.length === 0) {
    return <StatePanel state="empty" title="No keyphrases in this view" compact />;
  }
  const max = Math.max(...keyphrases.map((k) => k.documents));
  return (
    <ol className="keyphrases">
      {keyphrases.map((k) => {
        const weeks = rising.get(k.key) ?? [];
        return (
          <li key={k.key}>
            <span className="keyphrases__bar" style={{ width: `${(k.documents / max) * 100}%` }} aria-hidden="true" />
            <span className="keyphrases__text">
              {k.text}
              {weeks.length ? (
                <span className="rising" title={`Its share of coverage jumped in the week of ${weeks.map(formatDay).join(", ")}`}>
                  <span aria-hidden="true">↑</span> rising
                </span>
              ) : null}
            </span>
            <span className="keyphrases__count">
              {k.documents} doc{k.documents === 1 ? "" : "s"} · {k.mentions}×
            </span>
          </li>
        );
      })}
    </ol>
  );
}
