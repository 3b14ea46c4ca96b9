// The CSV exports, shared by `npm run export` and /api/export/<dataset>. Each dataset has a
// documented, stable column list (see README "CSV exports"). Large tables stream from a
// server-side cursor; chart datasets reuse the chart's own query so the two cannot disagree.
import type { Readable } from "node:stream";
import QueryStream from "pg-query-stream";
import { z } from "zod";
import { daysBetween, isIsoDay } from "../calendar";
import { getPool } from "../db/client";
import { viewFilterShape } from "../filters";
import { hypeIndex, perTrackedCoverage } from "../metrics";
import { getTrackedCoverage } from "../queries/getTrackedCoverage";
import { type TimelineRow, getTimeline } from "../queries/getTimeline";
import { type KeyphraseRow, getTopKeyphrases } from "../queries/getTopKeyphrases";
import { getKeyphraseTrends } from "../queries/getKeyphraseTrends";
import { type AspectComparisonRow, getAspectComparison } from "../queries/getAspectComparison";
import { type ClaimKindRow, type ClaimQuote, type ClaimValueRow, getClaimConflicts } from "../queries/getClaimConflicts";
import { type TitlePersonRow, getTitlePeople } from "../queries/getTitlePeople";
import { type TitleRecord, listTitles } from "../store/titles";
import { type Column, csvStream } from "./csv";

export const EXPORT_DATASETS = ["documents", "sentences", "timeline", "keyphrases", "aspects", "people", "claims", "conflicts"] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

const day = z.string().refine(isIsoDay, { message: "expected a date as YYYY-MM-DD" });

export const exportFiltersSchema = z
  .object({
    title: z.string().regex(/^[a-z0-9-]{1,80}$/, "expected a title slug such as ballerina").optional(),
    from: day.optional(),
    to: day.optional(),
    // The title page's other filters (lib/filters.ts), so its CSV links export what it shows.
    kind: viewFilterShape.kind,
    phase: viewFilterShape.phase,
    source: viewFilterShape.source,
    aspect: viewFilterShape.aspect,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from must not be after to", path: ["from"] });

export type ExportFilters = z.infer<typeof exportFiltersSchema>;

/**
 * SQL conditions for the filters, over a table aliased `d` with title_id and published_at.
 * `documentId` names the column holding the document id; `sentences` makes the aspect filter
 * select the sentences about the aspect (instead of the documents that mention it).
 */
function where(filters: ExportFilters, params: unknown[], documentId = "d.id", sentences = false): string {
  const conditions: string[] = [];
  if (filters.title) {
    params.push(filters.title);
    conditions.push(`d.title_id = (select id from titles where slug = $${params.length})`);
  }
  if (filters.from) {
    params.push(filters.from);
    conditions.push(`d.published_at >= $${params.length}::date`);
  }
  if (filters.to) {
    params.push(filters.to);
    conditions.push(`d.published_at <= $${params.length}::date`);
  }
  const documentConditions: string[] = [];
  if (filters.kind) {
    params.push(filters.kind);
    documentConditions.push(`fd.kind::text = $${params.length}`);
  }
  if (filters.phase) {
    params.push(filters.phase);
    documentConditions.push(`fd.phase::text = $${params.length}`);
  }
  if (filters.source) {
    params.push(filters.source);
    documentConditions.push(`fd.source_id = (select id from sources where name = $${params.length})`);
  }
  if (filters.aspect) {
    params.push(filters.aspect);
    if (sentences) conditions.push(`$${params.length} = any(d.aspects)`);
    else documentConditions.push(`exists (select 1 from sentences fs where fs.document_id = fd.id and $${params.length} = any(fs.aspects))`);
  }
  if (documentConditions.length) {
    conditions.push(`exists (select 1 from documents fd where fd.id = ${documentId} and ${documentConditions.join(" and ")})`);
  }
  return conditions.length ? `where ${conditions.join(" and ")}` : "";
}

/** Rows of a query, streamed through a cursor; the connection is released however the stream ends. */
async function* cursorRows<Row>(sql: string, params: unknown[]): AsyncGenerator<Row> {
  const pool = await getPool();
  const client = await pool.connect();
  const stream = client.query(new QueryStream(sql, params, { batchSize: 2000 }));
  try {
    for await (const row of stream) yield row as Row;
  } finally {
    stream.destroy();
    client.release();
  }
}

interface DocumentRow {
  id: number; title_slug: string; title: string; published_at: string | null; date_source: string; kind: string;
  kind_inferred: boolean; phase: string | null; phase_inferred: boolean; source: string | null; url: string | null;
  headline: string | null; stance_score: number; stance_label: string; stance_confidence: number;
  evaluative_share: number; sentence_count: number; word_count: number; keyphrases: string | null;
}

export const DOCUMENT_COLUMNS: Column<DocumentRow>[] = [
  { name: "document_id", value: (r) => r.id },
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "title", value: (r) => r.title },
  { name: "published_at", value: (r) => r.published_at },
  { name: "date_source", value: (r) => r.date_source },
  { name: "kind", value: (r) => r.kind },
  { name: "kind_inferred", value: (r) => r.kind_inferred },
  { name: "phase", value: (r) => r.phase },
  { name: "phase_inferred", value: (r) => r.phase_inferred },
  { name: "source", value: (r) => r.source },
  { name: "url", value: (r) => r.url },
  { name: "headline", value: (r) => r.headline },
  { name: "stance_score", value: (r) => round(r.stance_score) },
  { name: "stance_label", value: (r) => r.stance_label },
  { name: "stance_confidence", value: (r) => round(r.stance_confidence) },
  { name: "evaluative_share", value: (r) => round(r.evaluative_share) },
  { name: "sentence_count", value: (r) => r.sentence_count },
  { name: "word_count", value: (r) => r.word_count },
  { name: "top_keyphrases", value: (r) => r.keyphrases },
];

function documentRows(filters: ExportFilters) {
  const params: unknown[] = [];
  const sql = `
    select d.id, t.slug as title_slug, t.name as title, d.published_at::text as published_at, d.date_source::text,
           d.kind::text, d.kind_inferred, d.phase::text, d.phase_inferred, s.name as source, d.url, d.headline,
           d.stance_score, d.stance_label::text, d.stance_confidence, d.evaluative_share, d.sentence_count, d.word_count,
           (select string_agg(k.text, '; ' order by dk.score desc)
              from (select * from document_keyphrases where document_id = d.id order by score desc limit 5) dk
              join keyphrases k on k.id = dk.keyphrase_id) as keyphrases
      from documents d join titles t on t.id = d.title_id left join sources s on s.id = d.source_id
      ${where(filters, params)}
     order by d.published_at nulls last, d.id`;
  return cursorRows<DocumentRow>(sql, params);
}

interface SentenceRow {
  document_id: number; title_slug: string; published_at: string | null; index: number; text: string;
  score: number; evaluative: boolean; anticipation: number;
}

export const SENTENCE_COLUMNS: Column<SentenceRow>[] = [
  { name: "document_id", value: (r) => r.document_id },
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "published_at", value: (r) => r.published_at },
  { name: "sentence_index", value: (r) => r.index },
  { name: "text", value: (r) => r.text },
  { name: "score", value: (r) => round(r.score) },
  { name: "evaluative", value: (r) => r.evaluative },
  { name: "anticipation", value: (r) => round(r.anticipation) },
];

function sentenceRows(filters: ExportFilters) {
  const params: unknown[] = [];
  const sql = `
    select d.document_id, t.slug as title_slug, d.published_at::text as published_at, d.index, d.text, d.score,
           d.evaluative, d.anticipation
      from sentences d join titles t on t.id = d.title_id
      ${where(filters, params, "d.document_id", true)}
     order by d.document_id, d.index`;
  return cursorRows<SentenceRow>(sql, params);
}

/** The titles an export covers: the one asked for, or all of them. */
async function titlesFor(filters: ExportFilters): Promise<TitleRecord[]> {
  const titles = await listTitles();
  return filters.title ? titles.filter((t) => t.slug === filters.title) : titles;
}

type TimelineExportRow = TimelineRow & { title_slug: string; days_from_release: number | null; tracked: number };

export const TIMELINE_COLUMNS: Column<TimelineExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "day", value: (r) => r.day },
  { name: "days_from_release", value: (r) => r.days_from_release },
  { name: "documents", value: (r) => r.documents },
  { name: "anticipation_articles", value: (r) => r.anticipationArticles },
  { name: "anticipation_reviews", value: (r) => r.anticipationReviews },
  { name: "reception_articles", value: (r) => r.receptionArticles },
  { name: "reception_reviews", value: (r) => r.receptionReviews },
  { name: "anticipation_n", value: (r) => r.anticipationN },
  { name: "anticipation_stance", value: (r) => (r.anticipationStance === null ? null : round(r.anticipationStance)) },
  { name: "reception_n", value: (r) => r.receptionN },
  { name: "reception_stance", value: (r) => (r.receptionStance === null ? null : round(r.receptionStance)) },
  // Hype and the normalised view (lib/metrics.ts): the title page's hype chart and its "share" scale.
  { name: "excitement_signals", value: (r) => r.excitement },
  { name: "hype_index", value: (r) => round(hypeIndex({ documents: r.anticipationN, stanceSum: r.anticipationStanceSum, excitement: r.excitement })) },
  { name: "tracked_documents", value: (r) => r.tracked },
  { name: "share_of_tracked_percent", value: (r) => nullableRound(perTrackedCoverage(r.documents, r.tracked)) },
];

/** The same rows the timeline chart draws (getTimeline), one block per title. */
async function* timelineRows(filters: ExportFilters): AsyncGenerator<TimelineExportRow> {
  for (const title of await titlesFor(filters)) {
    const rows = await getTimeline(title.slug, filters);
    if (rows.length === 0) continue;
    const tracked = new Map((await getTrackedCoverage(rows[0].day, rows[rows.length - 1].day, filters)).map((t) => [t.day, t.documents]));
    for (const row of rows) {
      yield {
        ...row,
        title_slug: title.slug,
        days_from_release: title.releaseDate ? daysBetween(title.releaseDate, row.day) : null,
        tracked: Math.max(tracked.get(row.day) ?? 0, row.documents),
      };
    }
  }
}

type KeyphraseExportRow = KeyphraseRow & { title_slug: string; rising_weeks: string[] };

/** How many of a title's most distinctive phrases get their "rising" weeks (getKeyphraseTrends), on the page and here. */
export const KEYPHRASE_TREND_LIMIT = 200;

export const KEYPHRASE_COLUMNS: Column<KeyphraseExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "keyphrase", value: (r) => r.text },
  { name: "key", value: (r) => r.key },
  { name: "documents", value: (r) => r.documents },
  { name: "mentions", value: (r) => r.mentions },
  { name: "rising_weeks", value: (r) => r.rising_weeks.join(" ") },
];

/** Keyphrases per title, ranked as on the title page (getTopKeyphrases), up to 500 each. */
async function* keyphraseRows(filters: ExportFilters): AsyncGenerator<KeyphraseExportRow> {
  for (const title of await titlesFor(filters)) {
    const { phrases } = await getKeyphraseTrends(title.slug, KEYPHRASE_TREND_LIMIT);
    const rising = new Map(phrases.map((p) => [p.key, p.risingWeeks]));
    for (const row of await getTopKeyphrases(title.slug, filters, 500)) yield { ...row, title_slug: title.slug, rising_weeks: rising.get(row.key) ?? [] };
  }
}

// --- Themes: the title page's aspects chart, people list and fact-conflict panel -----------------

const nullableRound = (n: number | null) => (n === null ? null : round(n));

/** The filters the theme queries understand (date range, kind, source): as on the title page. */
const themeFilters = (f: ExportFilters) => ({ from: f.from, to: f.to, kind: f.kind, source: f.source });

type AspectExportRow = AspectComparisonRow & { title_slug: string };

/** Per title and aspect: coverage, and per phase n, mean and 95% interval (blank below MIN_N), and the gap. */
export const ASPECT_COLUMNS: Column<AspectExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "aspect", value: (r) => r.key },
  { name: "label", value: (r) => r.label },
  { name: "rank", value: (r) => r.rank },
  { name: "mentions", value: (r) => r.mentions },
  { name: "anticipation_n", value: (r) => r.anticipation.n },
  { name: "anticipation_mean", value: (r) => nullableRound(r.anticipation.mean) },
  { name: "anticipation_low", value: (r) => nullableRound(r.anticipation.low) },
  { name: "anticipation_high", value: (r) => nullableRound(r.anticipation.high) },
  { name: "anticipation_positive", value: (r) => r.anticipation.positive },
  { name: "anticipation_negative", value: (r) => r.anticipation.negative },
  { name: "reception_n", value: (r) => r.reception.n },
  { name: "reception_mean", value: (r) => nullableRound(r.reception.mean) },
  { name: "reception_low", value: (r) => nullableRound(r.reception.low) },
  { name: "reception_high", value: (r) => nullableRound(r.reception.high) },
  { name: "reception_positive", value: (r) => r.reception.positive },
  { name: "reception_negative", value: (r) => r.reception.negative },
  { name: "gap", value: (r) => nullableRound(r.gap) },
  { name: "enough_coverage", value: (r) => r.anticipation.enoughCoverage && r.reception.enoughCoverage },
];

/** The rows of the aspects chart (getAspectComparison), one block per title. */
async function* aspectRows(filters: ExportFilters): AsyncGenerator<AspectExportRow> {
  for (const title of await titlesFor(filters)) {
    const { aspects } = await getAspectComparison(title.slug, themeFilters(filters));
    for (const row of aspects) yield { ...row, title_slug: title.slug };
  }
}

type PersonExportRow = TitlePersonRow & { title_slug: string };

export const PEOPLE_COLUMNS: Column<PersonExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "name", value: (r) => r.name },
  { name: "key", value: (r) => r.key },
  { name: "kind", value: (r) => r.kind },
  { name: "documents", value: (r) => r.documents },
  { name: "mentions", value: (r) => r.mentions },
  { name: "evaluative_mentions", value: (r) => r.evaluativeMentions },
  { name: "mean_score", value: (r) => nullableRound(r.meanScore) },
];

/** People per title as on the title page (getTitlePeople), up to 500 each. */
async function* peopleRows(filters: ExportFilters): AsyncGenerator<PersonExportRow> {
  for (const title of await titlesFor(filters)) {
    for (const row of await getTitlePeople(title.slug, themeFilters(filters), 500)) yield { ...row, title_slug: title.slug };
  }
}

type ClaimExportRow = ClaimQuote & { title_slug: string; kind: string; value: string; display: string; agrees: boolean | null };

/** Every claim behind the conflict panel: one row per quote. */
export const CLAIM_COLUMNS: Column<ClaimExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "kind", value: (r) => r.kind },
  { name: "value", value: (r) => r.value },
  { name: "display", value: (r) => r.display },
  { name: "agrees_with_registered", value: (r) => r.agrees },
  { name: "document_id", value: (r) => r.documentId },
  { name: "sentence_index", value: (r) => r.sentenceIndex },
  { name: "published_at", value: (r) => r.publishedAt },
  { name: "source", value: (r) => r.source },
  { name: "headline", value: (r) => r.headline },
  { name: "quote", value: (r) => r.quote },
];

async function* claimRows(filters: ExportFilters): AsyncGenerator<ClaimExportRow> {
  for (const title of await titlesFor(filters)) {
    const { kinds } = await getClaimConflicts(title.slug, themeFilters(filters));
    for (const kind of kinds) {
      for (const value of kind.values) {
        for (const quote of value.quotes) {
          yield { ...quote, title_slug: title.slug, kind: kind.kind, value: value.value, display: value.display, agrees: value.agreesWithRelease };
        }
      }
    }
  }
}

type ConflictExportRow = ClaimValueRow & Pick<ClaimKindRow, "kind" | "conflict"> & { title_slug: string; registered: string | null };

/** Per title, claim kind and stated value: how many documents say it, and whether it matches the registered date. */
export const CONFLICT_COLUMNS: Column<ConflictExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "kind", value: (r) => r.kind },
  { name: "conflict", value: (r) => r.conflict },
  { name: "value", value: (r) => r.value },
  { name: "display", value: (r) => r.display },
  { name: "documents", value: (r) => r.documents },
  { name: "document_ids", value: (r) => r.documentIds.join(" ") },
  { name: "registered_release_date", value: (r) => r.registered },
  { name: "agrees_with_registered", value: (r) => r.agreesWithRelease },
];

async function* conflictRows(filters: ExportFilters): AsyncGenerator<ConflictExportRow> {
  for (const title of await titlesFor(filters)) {
    const { kinds, releaseDate } = await getClaimConflicts(title.slug, themeFilters(filters));
    for (const kind of kinds) {
      for (const value of kind.values) yield { ...value, kind: kind.kind, conflict: kind.conflict, title_slug: title.slug, registered: releaseDate };
    }
  }
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

export function exportCsv(dataset: ExportDataset, filters: ExportFilters): Readable {
  switch (dataset) {
    case "documents":
      return csvStream(documentRows(filters), DOCUMENT_COLUMNS);
    case "sentences":
      return csvStream(sentenceRows(filters), SENTENCE_COLUMNS);
    case "timeline":
      return csvStream(timelineRows(filters), TIMELINE_COLUMNS);
    case "keyphrases":
      return csvStream(keyphraseRows(filters), KEYPHRASE_COLUMNS);
    case "aspects":
      return csvStream(aspectRows(filters), ASPECT_COLUMNS);
    case "people":
      return csvStream(peopleRows(filters), PEOPLE_COLUMNS);
    case "claims":
      return csvStream(claimRows(filters), CLAIM_COLUMNS);
    case "conflicts":
      return csvStream(conflictRows(filters), CONFLICT_COLUMNS);
  }
}
