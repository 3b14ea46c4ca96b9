import Link from "next/link";
import type { DocumentFlags } from "@/lib/queries/getDocumentFlags";
import { StatePanel } from "@/app/components/StatePanel";
import { formatDay } from "@/app/components/format";

/** Credibility flags: reviews before release, copies (counted once), release dates that disagree. */
export function FlagsPanel({ flags }: { flags: DocumentFlags }) {
  return (
    <>
      <ul className="flag-counts">
        {flags.legend.map((f) => (
          <li key={f.flag} title={f.description} data-testid={`flag-count-${f.flag}`}>
            <strong>{flags.counts[f.flag]}</strong> {f.label.toLowerCase()}
          </li>
        ))}
      </ul>
      {flags.documents.length === 0 ? (
        <StatePanel state="empty" title="No flagged documents" compact />
      ) : (
        <ul className="flagged">
          {flags.documents.map((d) => (
            <li key={d.id}>
              <Link href={`/documents/${d.id}`}>{d.headline || `Document ${d.id}`}</Link>{" "}
              <span className="muted">
                {d.source ?? "unknown source"} · {d.publishedAt ? formatDay(d.publishedAt) : "undated"} · {d.kind}
              </span>
              <div className="flagged__tags">
                {d.flags.map((f) => (
                  <span key={f} className="tag tag--flag">
                    {flags.legend.find((l) => l.flag === f)?.label ?? f}
                  </span>
                ))}
                {d.copyOf ? (
                  <span className="small">
                    copy of <Link href={`/documents/${d.copyOf.id}`}>{d.copyOf.headline || `document ${d.copyOf.id}`}</Link> (
                    {d.copyOf.source ?? "unknown source"}): counted once
                  </span>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
