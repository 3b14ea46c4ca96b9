import Link from "next/link";
import type { ClaimConflicts as Conflicts, ClaimValueRow } from "@/lib/queries/getClaimConflicts";
import { StatePanel } from "@/app/components/StatePanel";
import { formatDay } from "@/app/components/format";

/** "2 sources say June 6, 2025; 1 says June 7, 2024": the first value names the unit, the rest follow it. */
export function claimSentence(values: readonly Pick<ClaimValueRow, "documents" | "display">[]): string {
  return values
    .map((v, i) => `${v.documents}${i === 0 ? ` source${v.documents === 1 ? "" : "s"}` : ""} say${v.documents === 1 ? "s" : ""} ${v.display}`)
    .join("; ");
}

/** What the coverage states about the title, value by value, compared with the registered release date. */
export function ClaimConflicts({ conflicts }: { conflicts: Conflicts }) {
  if (conflicts.kinds.length === 0) return <StatePanel state="empty" title="No facts stated in this view" compact />;
  const sorted = [...conflicts.kinds].sort((a, b) => Number(b.conflict || b.disagreesWithRegistered) - Number(a.conflict || a.disagreesWithRegistered));
  return (
    <ul className="claims">
      {sorted.map((kind) => (
        <li key={kind.kind} className={kind.conflict || kind.disagreesWithRegistered ? "claims__item claims__item--conflict" : "claims__item"} data-testid={`claim-${kind.kind}`}>
          <div className="claims__head">
            <strong>{kind.label}</strong>
            {kind.conflict ? <span className="badge badge--negative">sources disagree</span> : null}
            {!kind.conflict && kind.disagreesWithRegistered ? <span className="badge badge--negative">disagrees with registered date</span> : null}
          </div>
          {kind.singleValued ? <p className="claims__sentence">{claimSentence(kind.values)}</p> : null}
          {kind.kind === "release_date" || kind.kind === "year" ? (
            <p className="muted small">Registered release date: {conflicts.releaseDate ? formatDay(conflicts.releaseDate) : "none"}</p>
          ) : null}
          <ul className="claims__values">
            {kind.values.map((v) => (
              <li key={v.value}>
                <span className={v.agreesWithRelease === false ? "claims__value claims__value--off" : "claims__value"}>
                  {v.display}
                  {v.agreesWithRelease === false ? <span className="visually-hidden"> (disagrees with the registered date)</span> : null}
                </span>{" "}
                <span className="muted">
                  {v.documents} document{v.documents === 1 ? "" : "s"}:
                </span>{" "}
                {v.documentIds.map((id, i) => {
                  const quote = v.quotes.find((q) => q.documentId === id);
                  return (
                    <span key={id}>
                      {i ? ", " : ""}
                      <Link href={`/documents/${id}${quote?.sentenceIndex != null ? `#s-${quote.sentenceIndex}` : ""}`} title={quote ? `“${quote.quote}”` : undefined}>
                        {quote?.source ?? `document ${id}`}
                      </Link>
                    </span>
                  );
                })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
