// The document's aspects, people and claims, its credibility flags, and its copies.
import Link from "next/link";
import type { DocumentRef, DocumentThemes } from "@/lib/queries/getDocumentThemes";
import { formatDay, formatStance } from "@/app/components/format";

export function ThemesPanel({ themes }: { themes: DocumentThemes }) {
  return (
    <div className="themes-grid">
      <section aria-labelledby="doc-aspects-heading">
        <h3 id="doc-aspects-heading">Aspects</h3>
        {themes.aspects.length ? (
          <ul>
            {themes.aspects.map((a) => (
              <li key={a.key}>
                <strong>{a.label}</strong>: {a.sentences.length} sentence{a.sentences.length === 1 ? "" : "s"}
                {a.meanScore === null ? (
                  <span className="muted"> (none evaluative)</span>
                ) : (
                  <span>
                    , mean {formatStance(a.meanScore)} <span className="muted">over {a.evaluative} evaluative</span>
                  </span>
                )}{" "}
                {a.sentences.slice(0, 5).map((i) => (
                  <a key={i} href={`#s-${i}`} className="small" aria-label={`sentence ${i + 1}`}>
                    §{i + 1}{" "}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No aspect mentioned.</p>
        )}
      </section>
      <section aria-labelledby="doc-people-heading">
        <h3 id="doc-people-heading">People</h3>
        {themes.people.length ? (
          <ul>
            {themes.people.map((p) => (
              <li key={p.id}>
                {p.name} <span className="muted">×{p.mentions}</span>
                {p.meanScore === null ? null : <span className="muted"> · {formatStance(p.meanScore)} over {p.evaluativeMentions} evaluative</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No confirmed names.</p>
        )}
      </section>
      <section aria-labelledby="doc-claims-heading">
        <h3 id="doc-claims-heading">Claims</h3>
        {themes.claims.length ? (
          <ul>
            {themes.claims.map((c, i) => (
              <li key={`${c.kind}-${c.value}-${i}`}>
                <strong>{c.label}</strong>: {c.display}
                {c.agreesWithRelease === false ? <span className="tag tag--flag"> disagrees with the registered date</span> : null}{" "}
                {c.sentenceIndex !== null ? (
                  <a href={`#s-${c.sentenceIndex}`} className="small">
                    “{c.quote}”
                  </a>
                ) : (
                  <span className="muted small">in the headline: “{c.quote}”</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No factual claims found.</p>
        )}
      </section>
      <section aria-labelledby="doc-flags-heading">
        <h3 id="doc-flags-heading">Flags and copies</h3>
        {themes.flags.length || themes.copyOf || themes.copies.length ? (
          <ul>
            {themes.flags.map((f) => (
              <li key={f.flag} data-testid="doc-flag">
                <span className="tag tag--flag">{f.label}</span> <span className="muted small">{f.description}</span>
              </li>
            ))}
            {themes.copyOf ? (
              <li>
                Copy of <DocLink doc={themes.copyOf} />: counted once, as the original.
              </li>
            ) : null}
            {themes.copies.map((c) => (
              <li key={c.id}>
                Copied by <DocLink doc={c} /> (not counted again)
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No flags, no copies.</p>
        )}
      </section>
    </div>
  );
}

function DocLink({ doc }: { doc: DocumentRef }) {
  return (
    <>
      <Link href={`/documents/${doc.id}`}>{doc.headline || `document ${doc.id}`}</Link>{" "}
      <span className="muted small">
        ({doc.source ?? "unknown source"}, {doc.publishedAt ? formatDay(doc.publishedAt) : "undated"})
      </span>
    </>
  );
}
