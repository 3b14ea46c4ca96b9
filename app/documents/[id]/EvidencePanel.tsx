// Why the document's stance is what it is: the sentences that pushed it up and down most
// (stanceContributions in lib/metrics.ts, over the stored sentence scores), with the evaluative
// share and the confidence.
import { STANCE_WEIGHTS, stanceContributions } from "@/lib/metrics";
import type { DocumentRow } from "@/lib/queries/getDocument";
import { formatPercent, formatStance } from "@/app/components/format";

const TOP = 3;

export function EvidencePanel({ doc }: { doc: DocumentRow }) {
  const contributions = stanceContributions(doc.sentences);
  const ranked = doc.sentences.map((s, i) => ({ s, c: contributions[i], text: doc.text.slice(s.start, s.end).trim() }));
  const up = ranked.filter((r) => r.c > 0).sort((a, b) => b.c - a.c).slice(0, TOP);
  const down = ranked.filter((r) => r.c < 0).sort((a, b) => a.c - b.c).slice(0, TOP);
  const evaluative = doc.sentences.filter((s) => s.evaluative).length;
  return (
    <>
      <p className="card__sub" style={{ marginBottom: 12 }}>
        Stance {formatStance(doc.stanceScore)} with confidence {formatPercent(doc.stanceConfidence)}: {evaluative} of {doc.sentences.length} sentences (
        {formatPercent(doc.evaluativeShare)}) judge the work and carry full weight; descriptive ones count {STANCE_WEIGHTS.descriptive}×, the last{" "}
        {STANCE_WEIGHTS.verdictSentences} evaluative ones (the verdict) {STANCE_WEIGHTS.verdict}×.
        {evaluative === 0 ? ` No sentence judges the work, so the stance falls back to the polarity of the whole text × ${STANCE_WEIGHTS.fallbackScale}.` : ""}
      </p>
      <div className="evidence">
        <EvidenceList title="Pushed the stance up" items={up} empty="No sentence pushed it up." />
        <EvidenceList title="Pushed the stance down" items={down} empty="No sentence pushed it down." />
      </div>
    </>
  );
}

function EvidenceList({ title, items, empty }: { title: string; items: { s: DocumentRow["sentences"][number]; c: number; text: string }[]; empty: string }) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {items.length ? (
        <ol data-testid="evidence-list">
          {items.map(({ s, c, text }) => (
            <li key={s.index}>
              <span className="evidence__amount">{formatStance(c, 3)}</span>{" "}
              <a href={`#s-${s.index}`}>&ldquo;{text.length > 220 ? `${text.slice(0, 217)}…` : text}&rdquo;</a>{" "}
              <span className="muted small">
                score {formatStance(s.score)}, {s.evaluative ? "evaluative" : "descriptive"}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}
