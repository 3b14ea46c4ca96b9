import type { DocumentKind } from "../analysis/types";
import { DOCUMENT_FLAGS, type DocumentFlag, isDocumentFlag } from "../credibility/flags";
import { getDb } from "../db/client";
import { isoDay } from "./_convert";

export interface FlaggedDocumentRow {
  id: number;
  headline: string | null;
  source: string | null;
  kind: DocumentKind;
  publishedAt: string | null;
  flags: DocumentFlag[];
  /** For a copy: the original it repeats. */
  copyOf: { id: number; headline: string | null; source: string | null } | null;
}

export interface DocumentFlags {
  /** Documents per flag (every flag listed, zeros included). */
  counts: Record<DocumentFlag, number>;
  /** What each flag means, for the legend. */
  legend: { flag: DocumentFlag; label: string; description: string }[];
  /** Flagged documents of the title, newest first (undated last). */
  documents: FlaggedDocumentRow[];
}

/** The title's flagged documents: reviews before release, copies, release dates that disagree. */
export async function getDocumentFlags(slug: string): Promise<DocumentFlags> {
  const db = await getDb();
  const docs = await db.document.findMany({
    where: { title: { slug }, NOT: { flags: { isEmpty: true } } },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true,
      headline: true,
      kind: true,
      publishedAt: true,
      flags: true,
      source: { select: { name: true } },
      duplicateOf: { select: { id: true, headline: true, source: { select: { name: true } } } },
    },
  });
  const counts = Object.fromEntries(Object.keys(DOCUMENT_FLAGS).map((f) => [f, 0])) as Record<DocumentFlag, number>;
  const documents: FlaggedDocumentRow[] = [];
  for (const d of docs) {
    const flags = d.flags.filter(isDocumentFlag);
    if (flags.length === 0) continue;
    for (const f of flags) counts[f]++;
    documents.push({
      id: d.id,
      headline: d.headline,
      source: d.source?.name ?? null,
      kind: d.kind,
      publishedAt: isoDay(d.publishedAt),
      flags,
      copyOf: d.duplicateOf ? { id: d.duplicateOf.id, headline: d.duplicateOf.headline, source: d.duplicateOf.source?.name ?? null } : null,
    });
  }
  return {
    counts,
    legend: (Object.keys(DOCUMENT_FLAGS) as DocumentFlag[]).map((flag) => ({ flag, ...DOCUMENT_FLAGS[flag] })),
    documents,
  };
}
