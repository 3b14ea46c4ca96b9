// The CSV exports, shared by `npm run export` and /api/export/<dataset>. Each dataset has a
// documented, stable column list (see README "CSV exports"). Large tables stream from a
// server-side cursor; chart datasets reuse the chart's own query so the two cannot disagree.
import type { Readable } from "node:stream";
import QueryStream from "pg-query-stream";
import { z } from "zod";
import { daysBetween, isIsoDay } from "../calendar";
import { getPool } from "../db/client";
import { type TimelineRow, getTimeline } from "../queries/getTimeline";
import { type KeyphraseRow, getTopKeyphrases } from "../queries/getTopKeyphrases";
import { type TitleRecord, listTitles } from "../store/titles";
import { type Column, csvStream } from "./csv";

export const EXPORT_DATASETS = ["documents", "sentences", "timeline", "keyphrases"] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

const day = z.string().refine(isIsoDay, { message: "expected a date as YYYY-MM-DD" });

export const exportFiltersSchema = z
  .object({
    title: z.string().regex(/^[a-z0-9-]{1,80}$/, "expected a title slug such as ballerina").optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from must not be after to", path: ["from"] });

export type ExportFilters = z.infer<typeof exportFiltersSchema>;

/** SQL conditions for the filters, over a table aliased `d` with title_id and published_at. */
function where(filters: ExportFilters, params: unknown[]): string {
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
      ${where(filters, params)}
     order by d.document_id, d.index`;
  return cursorRows<SentenceRow>(sql, params);
}

/** The titles an export covers: the one asked for, or all of them. */
async function titlesFor(filters: ExportFilters): Promise<TitleRecord[]> {
  const titles = await listTitles();
  return filters.title ? titles.filter((t) => t.slug === filters.title) : titles;
}

type TimelineExportRow = TimelineRow & { title_slug: string; days_from_release: number | null };

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
];

/** The same rows the timeline chart draws (getTimeline), one block per title. */
async function* timelineRows(filters: ExportFilters): AsyncGenerator<TimelineExportRow> {
  for (const title of await titlesFor(filters)) {
    for (const row of await getTimeline(title.slug, filters)) {
      yield { ...row, title_slug: title.slug, days_from_release: title.releaseDate ? daysBetween(title.releaseDate, row.day) : null };
    }
  }
}

type KeyphraseExportRow = KeyphraseRow & { title_slug: string };

export const KEYPHRASE_COLUMNS: Column<KeyphraseExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "keyphrase", value: (r) => r.text },
  { name: "key", value: (r) => r.key },
  { name: "documents", value: (r) => r.documents },
  { name: "mentions", value: (r) => r.mentions },
];

/** Keyphrases per title, ranked as on the title page (getTopKeyphrases), up to 500 each. */
async function* keyphraseRows(filters: ExportFilters): AsyncGenerator<KeyphraseExportRow> {
  for (const title of await titlesFor(filters)) {
    for (const row of await getTopKeyphrases(title.slug, filters, 500)) yield { ...row, title_slug: title.slug };
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
  }
}
