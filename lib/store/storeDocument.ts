// Writes one analysed document with its sentences, keyphrases and rollups in ONE transaction:
// a crash leaves either the whole document or nothing. The content hash is unique, so storing
// the same text again is a no-op that reports the existing document.
import type pg from "pg";
import type { AnalyzedDocument } from "../analysis/analyze";
import { getPool } from "../db/client";
import { inTransaction } from "../db/transaction";
import { excitementSignals } from "../metrics";
import { eventSignals } from "../timeline/events";
import { markFeedItemSeen } from "./feedItems";
import { inLockOrder } from "./lockOrder";
import type { KeyphraseUse } from "./keyphraseStats";
import { addToRollups } from "./rollups";
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

// Few statements per document: each is a round trip and a socket write on both sides, which a
// profile of ingest showed to be most of the main thread's time per document (docs/performance.md).
export async function storeDocument(doc: AnalyzedDocument, target: StoreTarget): Promise<StoreResult> {
  // Found once: stored on the document row and added to the rollups.
  const signals = { events: eventSignals(doc.kind, doc.headline, doc.keyphrases.map((k) => k.text)), excitement: excitementSignals(doc.sentences) };
  const storedId = await inTransaction(async (client) => {
    const inserted = await insertDocument(client, doc, target, signals);
    // Nothing was written: committing this transaction is the same as rolling it back.
    if (inserted === null) return null;
    if (target.feedItem) await markFeedItemSeen(client, target.feedItem.feedId, target.feedItem.keys, inserted.id);
    // Copies, flags, people and claims; a copy is left out of every rollup.
    const themes = await storeThemes(client, inserted.id, target.titleId, doc);
    if (themes.addToRollups) await addToRollups(client, target.titleId, doc, { keyphrases: inserted.keyphrases, ...signals });
    return inserted.id;
  });
  if (storedId !== null) return { status: "stored", documentId: storedId };
  // The same text is stored already (by an earlier run, or by another process a moment ago).
  const pool = await getPool();
  const { rows } = await pool.query<{ id: number; ingest_run_id: number | null }>("select id, ingest_run_id from documents where content_hash = $1", [doc.contentHash]);
  return { status: "duplicate", documentId: rows[0]?.id ?? -1, ingestRunId: rows[0]?.ingest_run_id ?? null };
}

/**
 * The document, its sentences, its keyphrases and their links in one statement; null when the
 * content hash is stored already (nothing is written then).
 */
async function insertDocument(client: pg.PoolClient, doc: AnalyzedDocument, t: StoreTarget, signals: { events: string[]; excitement: number }): Promise<{ id: number; keyphrases: KeyphraseUse[] } | null> {
  const sentences = doc.sentences;
  const phrases = inLockOrder(doc.keyphrases);
  const { rows } = await client.query<{ id: number | null; keyphrases: { id: number; count: number }[] }>(
    `with doc as (
       insert into documents (title_id, source_id, ingest_run_id, url, headline, text, content_hash, kind, kind_inferred,
         published_at, date_source, phase, phase_inferred, stance_score, stance_label, stance_confidence, evaluative_share,
         sentence_count, word_count, removed_boilerplate, removed_repeats, language, excitement, event_signals)
       values ($1, $2, $3, $4, $5, $6, $7, $8::"DocumentKind", $9, $10::date, $11::"DateSource", $12::"Phase", $13, $14,
         $15::"StanceLabel", $16, $17, $18, $19, $20, $21, $22, $23, $24::text[])
       on conflict (content_hash) do nothing
       returning id
     ), sentence_rows as (
       insert into sentences (document_id, index, text, start, "end", score, evaluative, anticipation, title_id, published_at, aspects)
       select doc.id, v.i, v.t, v.b, v.e, v.s, v.ev, v.an, $1, $10::date, coalesce(string_to_array(v.asp, ','), '{}'::text[])
         from doc cross join unnest($25::int[], $26::text[], $27::int[], $28::int[], $29::float8[], $30::bool[], $31::float8[], $32::text[])
           as v(i, t, b, e, s, ev, an, asp)
     ), phrase as (
       -- "do update" (a no-op write) so RETURNING yields ids for existing phrases too.
       insert into keyphrases (key, text)
       select k, x from unnest($33::text[], $34::text[]) as v(k, x) where exists (select 1 from doc)
       on conflict (key) do update set key = excluded.key
       returning id, key
     ), link as (
       insert into document_keyphrases (document_id, keyphrase_id, count, score)
       select doc.id, phrase.id, v.c, v.s from doc cross join unnest($33::text[], $35::int[], $36::float8[]) as v(k, c, s) join phrase on phrase.key = v.k
       returning keyphrase_id, count
     )
     select (select id from doc) as id, coalesce((select json_agg(json_build_object('id', keyphrase_id, 'count', count)) from link), '[]') as keyphrases`,
    [
      t.titleId, t.sourceId, t.ingestRunId, t.url, doc.headline, doc.text, doc.contentHash, doc.kind, doc.kindInferred,
      doc.publishedAt, doc.dateSource, doc.phase, doc.phaseInferred, doc.stance.score, doc.stance.label,
      doc.stance.confidence, doc.stance.evaluativeShare, sentences.length, doc.wordCount, doc.removedBoilerplate,
      doc.removedRepeats, doc.language, signals.excitement, signals.events,
      sentences.map((s) => s.index), sentences.map((s) => s.text), sentences.map((s) => s.start), sentences.map((s) => s.end),
      sentences.map((s) => s.score), sentences.map((s) => s.evaluative), sentences.map((s) => s.anticipation),
      // Aspect keys are plain words (lib/analysis/aspects.ts): one comma-joined string per sentence.
      sentences.map((s) => s.aspects.join(",")),
      phrases.map((k) => k.key), phrases.map((k) => k.text), phrases.map((k) => k.count), phrases.map((k) => k.score),
    ],
  );
  const row = rows[0];
  if (!row || row.id === null) return null;
  return { id: row.id, keyphrases: row.keyphrases.map((k) => ({ keyphraseId: k.id, count: k.count })) };
}
