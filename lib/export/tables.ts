// The table exports (documents, sentences): millions of rows streamed from a server-side cursor
// through the pg pool alone, so a process that only exports never loads or creates Prisma.
// Rows come as arrays (pg rowMode "array", no object per row); each row type below lists the
// select list's columns in order, and the columns read them by position.
import type { Readable } from "node:stream";
import QueryStream from "pg-query-stream";
import { getPool } from "../db/client";
import { type Column, csvBatchStream, round } from "./csv";
import type { ExportFilters } from "./datasets";

/** Rows per cursor read and per CSV chunk. */
const BATCH_ROWS = 2000;

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

/** What pg-query-stream exposes as `cursor` (a pg-cursor): whole batches, not one push per row. */
interface BatchCursor<Row> {
  read(rows: number, callback: (error: Error | undefined, rows: Row[]) => void): void;
}

/**
 * A query's rows in batches of BATCH_ROWS, through a cursor; the connection is released however
 * the iteration ends. The next batch is asked for before this one is handed on, so PostgreSQL
 * produces it while this process formats the last: at most two batches are held.
 */
async function* cursorBatches<Row>(sql: string, params: unknown[]): AsyncGenerator<Row[]> {
  const pool = await getPool();
  const client = await pool.connect();
  // QueryStream wraps the cursor for client.query and listens for its errors; we read the cursor.
  const stream = client.query(new QueryStream(sql, params, { rowMode: "array" }));
  const cursor = stream.cursor as BatchCursor<Row>;
  const read = () => {
    const batch = new Promise<Row[]>((resolve, reject) => cursor.read(BATCH_ROWS, (error, rows) => (error ? reject(error) : resolve(rows))));
    // A read still in flight when the consumer stops early must not become an unhandled rejection.
    batch.catch(() => undefined);
    return batch;
  };
  try {
    let next = read();
    for (;;) {
      const rows = await next;
      if (rows.length < BATCH_ROWS) {
        if (rows.length) yield rows;
        return;
      }
      next = read();
      yield rows;
    }
  } finally {
    stream.destroy();
    client.release();
  }
}

/** id, title_slug, title, published_at, date_source, kind, kind_inferred, phase, phase_inferred, source, url, headline, stance_score, stance_label, stance_confidence, evaluative_share, sentence_count, word_count, keyphrases. */
type DocumentRow = [
  id: number, titleSlug: string, title: string, publishedAt: string | null, dateSource: string, kind: string, kindInferred: boolean,
  phase: string | null, phaseInferred: boolean, source: string | null, url: string | null, headline: string | null, stanceScore: number,
  stanceLabel: string, stanceConfidence: number, evaluativeShare: number, sentenceCount: number, wordCount: number, keyphrases: string | null,
];

export const DOCUMENT_COLUMNS: Column<DocumentRow>[] = [
  { name: "document_id", value: (r) => r[0] },
  { name: "title_slug", value: (r) => r[1] },
  { name: "title", value: (r) => r[2] },
  { name: "published_at", value: (r) => r[3] },
  { name: "date_source", value: (r) => r[4] },
  { name: "kind", value: (r) => r[5] },
  { name: "kind_inferred", value: (r) => r[6] },
  { name: "phase", value: (r) => r[7] },
  { name: "phase_inferred", value: (r) => r[8] },
  { name: "source", value: (r) => r[9] },
  { name: "url", value: (r) => r[10] },
  { name: "headline", value: (r) => r[11] },
  { name: "stance_score", value: (r) => round(r[12]) },
  { name: "stance_label", value: (r) => r[13] },
  { name: "stance_confidence", value: (r) => round(r[14]) },
  { name: "evaluative_share", value: (r) => round(r[15]) },
  { name: "sentence_count", value: (r) => r[16] },
  { name: "word_count", value: (r) => r[17] },
  { name: "top_keyphrases", value: (r) => r[18] },
];

export function documentsCsv(filters: ExportFilters): Readable {
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
  return csvBatchStream(cursorBatches<DocumentRow>(sql, params), DOCUMENT_COLUMNS);
}

/** document_id, title_slug, published_at, index, text, score, evaluative, anticipation. */
type SentenceRow = [documentId: number, titleSlug: string, publishedAt: string | null, index: number, text: string, score: number, evaluative: boolean, anticipation: number];

export const SENTENCE_COLUMNS: Column<SentenceRow>[] = [
  { name: "document_id", value: (r) => r[0] },
  { name: "title_slug", value: (r) => r[1] },
  { name: "published_at", value: (r) => r[2] },
  { name: "sentence_index", value: (r) => r[3] },
  { name: "text", value: (r) => r[4] },
  { name: "score", value: (r) => round(r[5]) },
  { name: "evaluative", value: (r) => r[6] },
  { name: "anticipation", value: (r) => round(r[7]) },
];

export function sentencesCsv(filters: ExportFilters): Readable {
  const params: unknown[] = [];
  const sql = `
    select d.document_id, t.slug as title_slug, d.published_at::text as published_at, d.index, d.text, d.score,
           d.evaluative, d.anticipation
      from sentences d join titles t on t.id = d.title_id
      ${where(filters, params, "d.document_id", true)}
     order by d.document_id, d.index`;
  return csvBatchStream(cursorBatches<SentenceRow>(sql, params), SENTENCE_COLUMNS);
}
