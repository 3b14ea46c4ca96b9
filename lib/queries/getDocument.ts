import type { DateSource, DocumentKind, Phase, StanceLabel } from "../analysis/types";
import { getDb } from "../db/client";
import { isoDay } from "./_convert";

export interface DocumentSentenceRow {
  index: number;
  /** Character offsets into DocumentRow.text. */
  start: number;
  end: number;
  score: number;
  evaluative: boolean;
}

export interface DocumentRow {
  id: number;
  title: { name: string; slug: string; releaseDate: string | null };
  source: string | null;
  url: string | null;
  headline: string | null;
  text: string;
  kind: DocumentKind;
  kindInferred: boolean;
  phase: Phase | null;
  phaseInferred: boolean;
  publishedAt: string | null;
  dateSource: DateSource;
  stanceScore: number;
  stanceLabel: StanceLabel;
  stanceConfidence: number;
  evaluativeShare: number;
  sentenceCount: number;
  wordCount: number;
  removedBoilerplate: number;
  removedRepeats: number;
  /** ISO timestamp of when it was stored. */
  createdAt: string;
  sentences: DocumentSentenceRow[];
  /** Most central first. */
  keyphrases: { text: string; count: number; score: number }[];
}

/** One document with everything its page shows; null when there is no such document. */
export async function getDocument(id: number): Promise<DocumentRow | null> {
  const db = await getDb();
  const d = await db.document.findUnique({
    where: { id },
    include: {
      title: { select: { name: true, slug: true, releaseDate: true } },
      source: { select: { name: true } },
      sentences: {
        orderBy: { index: "asc" },
        select: { index: true, start: true, end: true, score: true, evaluative: true },
      },
      keyphrases: {
        orderBy: [{ score: "desc" }, { count: "desc" }],
        select: { count: true, score: true, keyphrase: { select: { text: true } } },
      },
    },
  });
  if (!d) return null;
  return {
    id: d.id,
    title: { name: d.title.name, slug: d.title.slug, releaseDate: isoDay(d.title.releaseDate) },
    source: d.source?.name ?? null,
    url: d.url,
    headline: d.headline,
    text: d.text,
    kind: d.kind,
    kindInferred: d.kindInferred,
    phase: d.phase,
    phaseInferred: d.phaseInferred,
    publishedAt: isoDay(d.publishedAt),
    dateSource: d.dateSource,
    stanceScore: d.stanceScore,
    stanceLabel: d.stanceLabel,
    stanceConfidence: d.stanceConfidence,
    evaluativeShare: d.evaluativeShare,
    sentenceCount: d.sentenceCount,
    wordCount: d.wordCount,
    removedBoilerplate: d.removedBoilerplate,
    removedRepeats: d.removedRepeats,
    createdAt: d.createdAt.toISOString(),
    sentences: d.sentences,
    keyphrases: d.keyphrases.map((k) => ({ text: k.keyphrase.text, count: k.count, score: k.score })),
  };
}
