// Writes one analysed document with its sentences, keyphrases and rollup in ONE transaction:
// a crash leaves either the whole document or nothing. The content hash is unique, so storing
// the same text again is a no-op that reports the existing document.
import type pg from "pg";
import type { AnalyzedDocument } from "../analysis/analyze";
import { getPool } from "../db/client";
import { addToDailyStats } from "./dailyStats";
import { markFeedItemSeen } from "./feedItems";
import { storeThemes } from "./themes";

export interface StoreTarget {
  titleId: number;
  sourceId: number | null;
  ingestRunId: number | null;
  url: string | null;
  /** A feed entry to mark as seen in the same transaction, so a crash never marks an unstored item. */
  feedItem?: { feedId: number; keys: string[] } | null;
}

/** `ingestRunId` of a duplicate tells a retried store whether its own earlier commit got through. */
export type StoreResult = { status: "stored"; documentId: number } | { status: "duplicate"; documentId: number; ingestRunId: number | null };

// pg allows 65,535 parameters per statement; 1,000 sentence rows × 11 columns stays well below.
const SENTENCE_CHUNK = 1000;

export async function storeDocument(doc: AnalyzedDocument, target: StoreTarget): Promise<StoreResult> {
  const pool = await getPool();
  const existing = await pool.query<{ id: number; ingest_run_id: number | null }>("select id, ingest_run_id from documents where content_hash = $1", [doc.contentHash]);
  if (existing.rowCount) return { status: "duplicate", documentId: existing.rows[0].id, ingestRunId: existing.rows[0].ingest_run_id };

  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query("begin");
    const inserted = await insertDocument(client, doc, target);
    if (inserted === null) {
      // Another process stored the same text between our check and our insert.
      await client.query("rollback");
      const again = await pool.query<{ id: number; ingest_run_id: number | null }>("select id, ingest_run_id from documents where content_hash = $1", [doc.contentHash]);
      return { status: "duplicate", documentId: again.rows[0]?.id ?? -1, ingestRunId: again.rows[0]?.ingest_run_id ?? null };
    }
    await insertSentences(client, inserted, target.titleId, doc);
    await insertKeyphrases(client, inserted, doc);
    if (target.feedItem) await markFeedItemSeen(client, target.feedItem.feedId, target.feedItem.keys, inserted);
    // Copies, flags, people, claims and the aspect rollup; a copy is left out of every rollup.
    const themes = await storeThemes(client, inserted, target.titleId, doc);
    if (doc.publishedAt && doc.phase && themes.addToDailyStats) {
      await addToDailyStats(client, {
        titleId: target.titleId,
        day: doc.publishedAt,
        phase: doc.phase,
        kind: doc.kind,
        stanceScore: doc.stance.score,
        stanceLabel: doc.stance.label,
      });
    }
    await client.query("commit");
    return { status: "stored", documentId: inserted };
  } catch (error) {
    failure = error as Error;
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    // A client that failed mid-transaction may have lost its connection: discard it, never reuse it.
    client.release(failure);
  }
}

async function insertDocument(client: pg.PoolClient, doc: AnalyzedDocument, t: StoreTarget): Promise<number | null> {
  const { rows } = await client.query<{ id: number }>(
    `insert into documents (title_id, source_id, ingest_run_id, url, headline, text, content_hash, kind, kind_inferred,
       published_at, date_source, phase, phase_inferred, stance_score, stance_label, stance_confidence, evaluative_share,
       sentence_count, word_count, removed_boilerplate, removed_repeats, language)
     values ($1, $2, $3, $4, $5, $6, $7, $8::"DocumentKind", $9, $10::date, $11::"DateSource", $12::"Phase", $13, $14,
       $15::"StanceLabel", $16, $17, $18, $19, $20, $21, $22)
     on conflict (content_hash) do nothing
     returning id`,
    [
      t.titleId, t.sourceId, t.ingestRunId, t.url, doc.headline, doc.text, doc.contentHash, doc.kind, doc.kindInferred,
      doc.publishedAt, doc.dateSource, doc.phase, doc.phaseInferred, doc.stance.score, doc.stance.label,
      doc.stance.confidence, doc.stance.evaluativeShare, doc.sentences.length, doc.wordCount, doc.removedBoilerplate,
      doc.removedRepeats, doc.language,
    ],
  );
  return rows[0]?.id ?? null;
}

async function insertSentences(client: pg.PoolClient, documentId: number, titleId: number, doc: AnalyzedDocument) {
  const columns = 11;
  for (let i = 0; i < doc.sentences.length; i += SENTENCE_CHUNK) {
    const chunk = doc.sentences.slice(i, i + SENTENCE_CHUNK);
    const values = chunk.flatMap((s) => [
      documentId, s.index, s.text, s.start, s.end, s.score, s.evaluative, s.anticipation, titleId, doc.publishedAt, s.aspects,
    ]);
    const tuples = chunk.map((_, row) => `(${Array.from({ length: columns }, (_, c) => `$${row * columns + c + 1}`).join(", ")})`);
    await client.query(
      `insert into sentences (document_id, index, text, start, "end", score, evaluative, anticipation, title_id, published_at, aspects)
       values ${tuples.join(", ")}`,
      values,
    );
  }
}

async function insertKeyphrases(client: pg.PoolClient, documentId: number, doc: AnalyzedDocument) {
  if (!doc.keyphrases.length) return;
  const keys = doc.keyphrases.map((k) => k.key);
  const texts = doc.keyphrases.map((k) => k.text);
  // "do update" (a no-op write) so RETURNING yields ids for existing phrases too.
  const { rows } = await client.query<{ id: number; key: string }>(
    `insert into keyphrases (key, text) select * from unnest($1::text[], $2::text[])
     on conflict (key) do update set key = excluded.key
     returning id, key`,
    [keys, texts],
  );
  const idByKey = new Map(rows.map((r) => [r.key, r.id]));
  await client.query(
    `insert into document_keyphrases (document_id, keyphrase_id, count, score)
     select $1, * from unnest($2::int[], $3::int[], $4::float8[])`,
    [documentId, doc.keyphrases.map((k) => idByKey.get(k.key)!), doc.keyphrases.map((k) => k.count), doc.keyphrases.map((k) => k.score)],
  );
}
