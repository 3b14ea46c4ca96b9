import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DATE_SOURCE_LABELS, formatDay, formatPercent, formatStance, safeHttpUrl } from "@/app/components/format";
import { PhaseTag } from "@/app/components/PhaseTag";
import { sentenceScaleGradient } from "@/app/components/sentenceColor";
import { StanceBadge } from "@/app/components/StanceBadge";
import { StatePanel } from "@/app/components/StatePanel";
import { getDocumentThemes } from "@/lib/queries/getDocumentThemes";
import { EvidencePanel } from "./EvidencePanel";
import { loadDocument } from "./loadDocument";
import { SentenceText } from "./SentenceText";
import { ThemesPanel } from "./ThemesPanel";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await loadDocument((await params).id);
  return { title: doc ? doc.headline || `Document ${doc.id}` : "Document not found" };
}

export default async function DocumentPage({ params }: Props) {
  const doc = await loadDocument((await params).id);
  if (!doc) notFound();
  const themes = await getDocumentThemes(doc.id);
  const url = safeHttpUrl(doc.url);
  const evaluative = doc.sentences.filter((s) => s.evaluative).length;

  return (
    <>
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            <Link href="/">Titles</Link> / <Link href={`/titles/${doc.title.slug}`}>{doc.title.name}</Link> /
          </div>
          <h1>{doc.headline || `Document ${doc.id}`}</h1>
        </div>
      </div>

      <div className="stack">
        <section className="card" aria-label="About this document">
          <dl className="facts">
            <div>
              <dt>Title</dt>
              <dd>
                <Link href={`/titles/${doc.title.slug}`}>{doc.title.name}</Link>
              </dd>
            </div>
            <div>
              <dt>Source</dt>
              <dd>{doc.source ?? <span className="faint">unknown</span>}</dd>
            </div>
            <div>
              <dt>Kind</dt>
              <dd>
                {doc.kind}
                {doc.kindInferred ? <span className="inferred" title="Inferred from the text">inferred</span> : null}
              </dd>
            </div>
            <div>
              <dt>Phase</dt>
              <dd>
                <PhaseTag phase={doc.phase} inferred={doc.phaseInferred} />
              </dd>
            </div>
            <div>
              <dt>Published</dt>
              <dd>
                {doc.publishedAt ? formatDay(doc.publishedAt) : "undated"}
                {doc.dateSource !== "none" ? (
                  <div className="muted" style={{ fontSize: "0.85rem" }}>
                    {DATE_SOURCE_LABELS[doc.dateSource]}
                  </div>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>Stance</dt>
              <dd>
                <StanceBadge label={doc.stanceLabel} /> {formatStance(doc.stanceScore)}
                <div className="muted" style={{ fontSize: "0.85rem" }}>
                  confidence {formatPercent(doc.stanceConfidence)}
                </div>
              </dd>
            </div>
            <div>
              <dt>Evaluative share</dt>
              <dd>
                {formatPercent(doc.evaluativeShare)}
                <div className="muted" style={{ fontSize: "0.85rem" }}>
                  {evaluative} of {doc.sentences.length} sentences judge the work
                </div>
              </dd>
            </div>
            <div>
              <dt>Cleaning</dt>
              <dd>
                {doc.removedBoilerplate} boilerplate line{doc.removedBoilerplate === 1 ? "" : "s"} removed
                <div className="muted" style={{ fontSize: "0.85rem" }}>
                  {doc.removedRepeats} repeated paragraph{doc.removedRepeats === 1 ? "" : "s"} removed
                </div>
              </dd>
            </div>
            {doc.url ? (
              <div style={{ gridColumn: "1 / -1" }}>
                <dt>URL</dt>
                <dd>
                  {url ? (
                    <a href={url} rel="nofollow noopener noreferrer" target="_blank">
                      {url}
                    </a>
                  ) : (
                    <span className="muted">{doc.url}</span>
                  )}
                </dd>
              </div>
            ) : null}
          </dl>
        </section>

        <section className="card" aria-labelledby="evidence-heading">
          <div className="card__head">
            <h2 id="evidence-heading">Evidence</h2>
          </div>
          {doc.sentences.length ? (
            <EvidencePanel doc={doc} />
          ) : (
            <StatePanel state="empty" title="No sentences were scored for this document" compact />
          )}
        </section>

        {themes ? (
          <section className="card" aria-labelledby="themes-heading">
            <div className="card__head">
              <h2 id="themes-heading">Aspects, people, claims and flags</h2>
            </div>
            <ThemesPanel themes={themes} />
          </section>
        ) : null}

        <section className="card" aria-labelledby="text-heading">
          <div className="card__head">
            <div>
              <h2 id="text-heading">Text, sentence by sentence</h2>
              <p className="card__sub">
                {doc.wordCount.toLocaleString("en-US")} words · {doc.sentenceCount} sentences. Hover a sentence for its
                score.
              </p>
            </div>
          </div>
          <div className="score-legend" aria-label="Colour legend">
            <span className="score-legend__scale">
              <span>−1 negative</span>
              <span className="score-legend__ramp" style={{ background: sentenceScaleGradient() }} aria-hidden="true" />
              <span>+1 positive</span>
            </span>
            <span>
              <span className="sentence sentence--descriptive">Grey italic, paler tint</span>: descriptive (story, facts),
              counts little toward the stance
            </span>
          </div>
          {doc.sentences.length ? (
            <SentenceText text={doc.text} sentences={doc.sentences} />
          ) : (
            <StatePanel state="empty" title="No sentences were scored for this document" compact />
          )}
        </section>

        <section className="card" aria-labelledby="doc-keyphrases-heading">
          <div className="card__head">
            <h2 id="doc-keyphrases-heading">Keyphrases</h2>
          </div>
          {doc.keyphrases.length ? (
            <ul className="chips">
              {doc.keyphrases.map((k) => (
                <li key={k.text}>
                  {k.text}
                  <span>×{k.count}</span>
                </li>
              ))}
            </ul>
          ) : (
            <StatePanel state="empty" title="No keyphrases" compact />
          )}
        </section>
      </div>
    </>
  );
}
