// The query-scale database for the benchmark: N synthetic documents (≈30 sentences each, so
// 100,000 documents ≈ 3 M sentence rows) written straight into a scratch database with
// INSERT … SELECT generate_series, instead of analysing 100,000 texts. Rows have the shapes and
// sizes real ones have (a ~3 KB TOASTed text, a 128-int MinHash, ~100-character sentences, aspect
// arrays, keyphrase links), the same distribution of titles as the generated corpus, and the
// rollups are rebuilt from them with the project's own rebuild function, so they agree with the
// rows exactly as incremental upkeep would leave them.
import type pg from "pg";
import { ASPECT_KEYS } from "../lib/analysis/aspects";
import { rebuildRollups } from "../lib/store/rollups";
import { EVENT_KINDS } from "../lib/timeline/events";
import { saveTitle } from "../lib/store/titles";
import { type BenchTitle, corpusTitles, createRandom, generateCorpus } from "./generate";

export interface BulkLoadResult {
  documents: number;
  sentences: number;
  keyphraseLinks: number;
  titles: number;
  ms: number;
}

/** Sentences drawn from the generated corpus, so exported text has real punctuation and quoting. */
function sampleSentences(seed: number): string[] {
  const out: string[] = [];
  for (const record of generateCorpus(40, seed)) {
    for (const s of record.text.split(/(?<=[.!?])\s+/)) if (s.length > 40 && s.length < 220) out.push(s);
  }
  return out.slice(0, 400);
}

/**
 * Loads `count` documents into the (empty, migrated) database behind `client`, in one session
 * seeded with setseed() so the same count and seed give the same rows.
 */
export async function bulkLoad(client: pg.Client, count: number, seed: number, log: (line: string) => void): Promise<BulkLoadResult> {
  const started = performance.now();
  // The same titles and coverage weights as a generated corpus of this size.
  const titles: BenchTitle[] = corpusTitles(Math.max(count, 4800), seed);
  const saved = [];
  for (const t of titles) saved.push({ ...(await saveTitle({ name: t.name, releaseDate: t.release, aliases: t.aliases })), quality: t.quality, weight: t.weight });
  const total = saved.reduce((s, t) => s + t.weight, 0);
  let lo = 0;
  const bands = saved.map((t) => {
    const band = { id: t.id, lo, hi: lo + t.weight / total, quality: t.quality };
    lo = band.hi;
    return band;
  });
  bands[bands.length - 1].hi = 1.000001;

  await client.query("select setseed($1)", [(createRandom(seed).next() * 2 - 1) * 0.999]);
  await client.query(`insert into sources (name) select 'Outlet ' || i from generate_series(1, 40) i`);
  await client.query(`create temp table bench_bands (title_id int, lo float8, hi float8, quality float8)`);
  await client.query(`insert into bench_bands select * from unnest($1::int[], $2::float8[], $3::float8[], $4::float8[])`, [
    bands.map((b) => b.id),
    bands.map((b) => b.lo),
    bands.map((b) => b.hi),
    bands.map((b) => b.quality),
  ]);

  log(`  documents: ${count.toLocaleString("en")} rows …`);
  // Per document: title by coverage weight; review (45%) after release or article before it;
  // 4% undated; stance around the title's quality; 10–50 sentences (mean 30).
  await client.query(
    `insert into documents (title_id, source_id, url, headline, text, content_hash, kind, kind_inferred, published_at, date_source,
                            phase, phase_inferred, stance_score, stance_label, stance_confidence, evaluative_share,
                            sentence_count, word_count, language, minhash, created_at)
     select title_id, source_id, 'https://outlet.example/' || i,
            -- Some articles name an event, as news does (timeline event detection reads them).
            case i % 50 when 0 then 'First trailer arrives: synthetic headline ' || i when 1 then 'Festival premiere report ' || i
                        when 2 then 'CinemaCon footage recap ' || i else 'Synthetic headline number ' || i end, body, md5(body),
            kind::"DocumentKind", false, published_at, (case when published_at is null then 'none' else 'metadata' end)::"DateSource",
            (case when published_at is null and u_phase < 0.2 then null
                  when coalesce(published_at, release_date + (u_phase * 120 - 60)::int) >= release_date then 'reception'
                  else 'anticipation' end)::"Phase",
            published_at is null, stance,
            (case when stance > 0.15 then 'positive' when stance < -0.15 then 'negative' when abs(stance) < 0.05 then 'neutral' else 'mixed' end)::"StanceLabel",
            0.3 + 0.6 * u_conf, 0.3 + 0.4 * u_conf, sentences, sentences * 18, 'en', minhash,
            now() - (($1::int - i) || ' seconds')::interval
       from (
         select i, b.title_id, t.release_date, 1 + floor(random() * 40)::int as source_id,
                case when u_kind < 0.45 then 'review' else 'article' end as kind,
                case when u_dated < 0.04 then null
                     when u_kind < 0.45 then t.release_date + (floor(random() * 64) - 3)::int
                     else t.release_date - floor(180 * random() ^ 0.6)::int end as published_at,
                greatest(-1, least(1, 0.45 * b.quality + (random() - 0.5) * 0.9)) as stance,
                random() as u_conf, random() as u_phase, 10 + floor(random() * 41)::int as sentences,
                (select string_agg(md5(i::text || '.' || k), ' ') from generate_series(1, 90) k) as body,
                array(select (floor(random() * 4294967296) - 2147483648)::int from generate_series(1, 128 + 0 * i)) as minhash
           from (select i, random() as u_title, random() as u_kind, random() as u_dated from generate_series(1, $1::int) i) g
           join bench_bands b on g.u_title >= b.lo and g.u_title < b.hi
           join titles t on t.id = b.title_id
       ) d
      order by i`,
    [count],
  );
  // ~1% syndicated copies: they point at their title's first document and are left out of rollups.
  await client.query(
    `update documents d set duplicate_of_id = f.first_id, flags = array['copy']
       from (select title_id, min(id) as first_id from documents group by title_id) f
      where f.title_id = d.title_id and d.id <> f.first_id and random() < 0.01`,
  );

  const { rows: sentenceCount } = await client.query<{ n: string }>("select sum(sentence_count) as n from documents");
  const sentences = sampleSentences(seed);
  log(`  sentences: ${Number(sentenceCount[0].n).toLocaleString("en")} rows …`);
  // Per sentence: ~45% evaluative with a score around the document stance, else near 0; ~30%
  // name one aspect and ~5% two, weighted toward action and performances as real coverage is.
  await client.query(
    `insert into sentences (document_id, index, text, start, "end", score, evaluative, anticipation, aspects, title_id, published_at)
     select d.id, k, txt, k * 100, k * 100 + length(txt),
            case when ev then greatest(-1, least(1, d.stance_score + (random() - 0.5) * 1.2)) else (random() - 0.5) * 0.2 end,
            ev, case when d.phase = 'anticipation' and random() < 0.2 then random() * 2 - 1 else 0 end,
            case when u_asp < 0.05 then array[($2::text[])[1 + floor(random() ^ 1.6 * $3)::int], ($2::text[])[1 + floor(random() * $3)::int]]
                 when u_asp < 0.30 then array[($2::text[])[1 + floor(random() ^ 1.6 * $3)::int]]
                 else '{}'::text[] end,
            d.title_id, d.published_at
       from documents d
       cross join lateral (
         select k, random() < 0.45 as ev, random() as u_asp, ($1::text[])[1 + floor(random() * $4)::int] as txt
           from generate_series(0, d.sentence_count - 1) k) s
      order by d.id, k`,
    [sentences, [...ASPECT_KEYS], ASPECT_KEYS.length, sentences.length],
  );
  // Aspects must be distinct within a sentence, as the analysis leaves them.
  await client.query(`update sentences set aspects = array[aspects[1]] where cardinality(aspects) = 2 and aspects[1] = aspects[2]`);
  // documents.event_signals as storeDocument sets them (eventSignals, EVENT_KINDS' patterns).
  const patterns = EVENT_KINDS.filter((k) => k.pattern !== null);
  await client.query(
    `update documents set event_signals = case when kind = 'review' then array['reviews'] else array(
       select e.k from unnest($1::text[], $2::text[]) with ordinality as e(k, p, o) where headline ~* e.p order by e.o) end`,
    [patterns.map((k) => k.key), patterns.map((k) => k.pattern)],
  );
  // documents.excitement as storeDocument sets it (excitementSignals).
  await client.query(
    `update documents d set excitement = s.n
       from (select document_id, count(*)::int as n from sentences where anticipation > 0 group by document_id) s
      where s.document_id = d.id`,
  );

  log("  keyphrases …");
  await client.query(`insert into keyphrases (key, text) select 'phrase ' || i, 'Phrase ' || i from generate_series(1, 5000) i`);
  // 6–10 per document, Zipf-like popularity (a few phrases everywhere, most rare).
  await client.query(
    `insert into document_keyphrases (document_id, keyphrase_id, count, score)
     select d.id, p.kid, 1 + floor(random() * 4)::int, random()
       from documents d
       cross join lateral (
         select distinct 1 + floor(5000 * random() ^ 3)::int as kid from generate_series(1, 6 + (d.id % 5)) k) p`,
  );

  log("  rollups (rebuilt per title with lib/store's rebuildRollups) …");
  for (const t of saved) await rebuildRollups(client, t.id);
  const { rows } = await client.query<{ documents: number; sentences: number; links: number }>(
    `select (select count(*) from documents)::int as documents, (select count(*) from sentences)::int as sentences,
            (select count(*) from document_keyphrases)::int as links`,
  );
  return { documents: rows[0].documents, sentences: rows[0].sentences, keyphraseLinks: rows[0].links, titles: saved.length, ms: performance.now() - started };
}
