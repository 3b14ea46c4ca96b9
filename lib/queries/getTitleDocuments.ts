import type { DateSource, DocumentKind, Phase, StanceLabel } from "../analysis/types";
import type { ViewFilters } from "../filters";
import { getDb } from "../db/client";
import { isoDay } from "./_convert";

export interface TitleDocumentRow {
  id: number;
  headline: string | null;
  source: string | null;
  kind: DocumentKind;
  phase: Phase | null;
  phaseInferred: boolean;
  /** YYYY-MM-DD, null when undated. */
  publishedAt: string | null;
  dateSource: DateSource;
  stanceScore: number;
  stanceLabel: StanceLabel;
  /** Up to three keyphrases, most central first. */
  keyphrases: string[];
  /**
   * Set when the document is a near-duplicate copy of document `duplicateOfId`: listed here so it
   * can be shown as a copy, but left out of every count and metric.
   */
  duplicateOfId: number | null;
  /** Credibility flags (lib/credibility/flags.ts), e.g. "review_before_release", "copy". */
  flags: string[];
}

export interface TitleDocumentsPage {
  rows: TitleDocumentRow[];
  total: number;
  /** The page actually served: a page past the end is clamped to the last one. */
  page: number;
  pageCount: number;
}

export interface TitleDocumentsOptions {
  sort: "date" | "stance";
  dir: "asc" | "desc";
  /** 1-based. */
  page: number;
  pageSize: number;
  /**
   * The view filters (lib/filters.ts). Copies stay listed (marked as copies) but non-English
   * documents too: this is the list of what was stored, not a metric.
   */
  filters?: ViewFilters;
}

export async function getTitleDocuments(
  titleId: number,
  { sort, dir, page, pageSize, filters = {} }: TitleDocumentsOptions,
): Promise<TitleDocumentsPage> {
  const db = await getDb();
  const where = {
    titleId,
    ...((filters.from || filters.to) && { publishedAt: { ...(filters.from && { gte: new Date(`${filters.from}T00:00:00Z`) }), ...(filters.to && { lte: new Date(`${filters.to}T00:00:00Z`) }) } }),
    ...(filters.kind && { kind: filters.kind }),
    ...(filters.phase && { phase: filters.phase }),
    ...(filters.source && { source: { name: filters.source } }),
    ...(filters.aspect && { sentences: { some: { aspects: { has: filters.aspect } } } }),
  };
  const total = await db.document.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const documents = await db.document.findMany({
    where,
    // Undated documents sort after dated ones in both directions; id keeps pages stable.
    orderBy:
      sort === "date"
        ? [{ publishedAt: { sort: dir, nulls: "last" } }, { id: dir }]
        : [{ stanceScore: dir }, { id: dir }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      headline: true,
      kind: true,
      phase: true,
      phaseInferred: true,
      publishedAt: true,
      dateSource: true,
      stanceScore: true,
      stanceLabel: true,
      duplicateOfId: true,
      flags: true,
      source: { select: { name: true } },
      keyphrases: {
        orderBy: [{ score: "desc" }, { count: "desc" }],
        take: 3,
        select: { keyphrase: { select: { text: true } } },
      },
    },
  });
  return {
    total,
    page: current,
    pageCount,
    rows: documents.map((d) => ({
      id: d.id,
      headline: d.headline,
      source: d.source?.name ?? null,
      kind: d.kind,
      phase: d.phase,
      phaseInferred: d.phaseInferred,
      publishedAt: isoDay(d.publishedAt),
      dateSource: d.dateSource,
      stanceScore: d.stanceScore,
      stanceLabel: d.stanceLabel,
      keyphrases: d.keyphrases.map((k) => k.keyphrase.text),
      duplicateOfId: d.duplicateOfId,
      flags: d.flags,
    })),
  };
}
