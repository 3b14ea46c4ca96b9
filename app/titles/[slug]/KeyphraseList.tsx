import type { KeyphraseRow } from "@/lib/queries/getTopKeyphrases";
import { StatePanel } from "@/app/components/StatePanel";

/** Keyphrases ranked by how many documents use them; the bar is the share of the top one. */
export function KeyphraseList({ keyphrases }: { keyphrases: KeyphraseRow[] }) {
  if (keyphrases.length === 0) {
    return <StatePanel state="empty" title="No keyphrases yet" compact />;
  }
  const max = Math.max(...keyphrases.map((k) => k.documents));
  return (
    <ol className="keyphrases">
      {keyphrases.map((k) => (
        <li key={k.key}>
          <span className="keyphrases__bar" style={{ width: `${(k.documents / max) * 100}%` }} aria-hidden="true" />
          <span className="keyphrases__text">{k.text}</span>
          <span className="keyphrases__count">
            {k.documents} doc{k.documents === 1 ? "" : "s"} · {k.mentions}×
          </span>
        </li>
      ))}
    </ol>
  );
}
