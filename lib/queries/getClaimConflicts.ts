import { CLAIM_KINDS, type ClaimKind, SINGLE_VALUED_CLAIMS, agreesWithRelease, displayDate } from "../analysis/claims";
import { getDb } from "../db/client";
import { isoDay } from "./_convert";
import { type ThemeFilters, documentConditions } from "./_themeFilters";

export const CLAIM_LABELS: Record<ClaimKind, string> = {
  release_date: "Release date",
  director: "Director",
  runtime: "Runtime",
  cast: "Cast",
  year: "Year in headline",
};

export interface ClaimQuote {
  documentId: number;
  /** Null for a claim read from the headline. */
  sentenceIndex: number | null;
  quote: string;
  headline: string | null;
  source: string | null;
  publishedAt: string | null;
}

export interface ClaimValueRow {
  /** Normalised value: YYYY-MM-DD, minutes, a name key or a year. */
  value: string;
  /** The value as a person reads it ("June 6, 2025", "123 min", "Len Wiseman"). */
  display: string;
  /** Documents that state it (each counted once, copies excluded). */
  documents: number;
  documentIds: number[];
  /** Whether it matches the registered release date (release_date, year); null when it cannot tell. */
  agreesWithRelease: boolean | null;
  quotes: ClaimQuote[];
}

export interface ClaimKindRow {
  kind: ClaimKind;
  label: string;
  /** One true value per title (everything but cast): two values are a conflict. */
  singleValued: boolean;
  /** Documents disagree among themselves (more than one value of a single-valued kind). */
  conflict: boolean;
  /** Some stated value disagrees with the registered release date. */
  disagreesWithRegistered: boolean;
  /** Most stated first. */
  values: ClaimValueRow[];
}

export interface ClaimConflicts {
  /** The title's registered release date (YYYY-MM-DD), null when none is registered. */
  releaseDate: string | null;
  /** Only kinds some document states, in CLAIM_KINDS order. */
  kinds: ClaimKindRow[];
}

interface RawRow {
  kind: string;
  value: string;
  document_id: number;
  sentence_index: number | null;
  quote: string;
  headline: string | null;
  source: string | null;
  published_at: Date | null;
  person_name: string | null;
}

function displayOf(kind: ClaimKind, value: string, personName: string | null): string {
  if (kind === "release_date") return displayDate(value);
  if (kind === "runtime") return `${value} min`;
  if (kind === "director" || kind === "cast") return personName ?? value.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return value;
}

/**
 * What the title's coverage states about it, value by value, with the documents and quotes
 * behind each value: "2 sources say June 6, 2025; 1 says June 7, 2024". Copies are left out
 * (their original already states it).
 */
export async function getClaimConflicts(slug: string, filters: ThemeFilters = {}): Promise<ClaimConflicts> {
  const db = await getDb();
  const rows = await db.$queryRaw<RawRow[]>`
    select c.kind, c.value, c.document_id, c.sentence_index, c.quote, d.headline, src.name as source, d.published_at,
           p.name as person_name
      from claims c
      join documents d on d.id = c.document_id
      join titles t on t.id = c.title_id
      left join sources src on src.id = d.source_id
      left join people p on p.key = c.value and c.kind in ('director', 'cast')
     where t.slug = ${slug} and ${documentConditions(filters)}
     order by c.kind, c.value, d.published_at nulls last, c.document_id, c.sentence_index nulls first`;
  const title = await db.title.findUnique({ where: { slug }, select: { releaseDate: true } });
  const releaseDate = isoDay(title?.releaseDate ?? null);

  const byKind = new Map<ClaimKind, Map<string, ClaimValueRow>>();
  for (const row of rows) {
    const kind = row.kind as ClaimKind;
    if (!CLAIM_KINDS.includes(kind)) continue;
    const values = byKind.get(kind) ?? new Map<string, ClaimValueRow>();
    byKind.set(kind, values);
    const entry = values.get(row.value) ?? {
      value: row.value,
      display: displayOf(kind, row.value, row.person_name),
      documents: 0,
      documentIds: [],
      agreesWithRelease: agreesWithRelease(kind, row.value, releaseDate),
      quotes: [],
    };
    values.set(row.value, entry);
    if (!entry.documentIds.includes(row.document_id)) {
      entry.documentIds.push(row.document_id);
      entry.documents++;
    }
    entry.quotes.push({
      documentId: row.document_id,
      sentenceIndex: row.sentence_index,
      quote: row.quote,
      headline: row.headline,
      source: row.source,
      publishedAt: isoDay(row.published_at),
    });
  }

  const kinds = CLAIM_KINDS.filter((k) => byKind.has(k)).map((kind) => {
    const values = [...byKind.get(kind)!.values()].sort((a, b) => b.documents - a.documents || a.value.localeCompare(b.value));
    const singleValued = SINGLE_VALUED_CLAIMS.has(kind);
    return {
      kind,
      label: CLAIM_LABELS[kind],
      singleValued,
      conflict: singleValued && values.length > 1,
      disagreesWithRegistered: values.some((v) => v.agreesWithRelease === false),
      values,
    };
  });
  return { releaseDate, kinds };
}
