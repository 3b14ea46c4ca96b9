// Dashboard query latency for the benchmark: the title page's data and the overview, called
// through the real query functions (Prisma, the shared pool), on every title in turn, plus the
// query plans behind them (EXPLAIN ANALYZE of the exact SQL each function sends).
import pg from "pg";
import { getPool } from "../lib/db/client";
import { getAspectComparison } from "../lib/queries/getAspectComparison";
import { getKeyphraseTrends } from "../lib/queries/getKeyphraseTrends";
import { getOverview } from "../lib/queries/getOverview";
import { getTimeline } from "../lib/queries/getTimeline";
import { getTitleDocuments } from "../lib/queries/getTitleDocuments";
import { getTitleScores } from "../lib/queries/getTitleScores";
import { getTitleSummary } from "../lib/queries/getTitleSummary";
import { getTopKeyphrases } from "../lib/queries/getTopKeyphrases";
import type { TitleRecord } from "../lib/store/titles";

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles, in ms rounded to 0.1. */
export function summarize(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(at(1)) };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

type TitleQuery = (t: TitleRecord) => Promise<unknown>;

/**
 * The title page's data as the issue defines it: KPIs (counts and scores), the timeline and the
 * aspects chart. Loaded concurrently, as the page's Promise.all does.
 */
export const TITLE_DATA: Record<string, TitleQuery> = {
  summary: (t) => getTitleSummary(t.id),
  scores: (t) => getTitleScores(t.slug, {}),
  timeline: (t) => getTimeline(t.slug, {}),
  aspects: (t) => getAspectComparison(t.slug),
};

/** Also on the title page today, measured apart so the figures say which query costs what. */
export const TITLE_EXTRA: Record<string, TitleQuery> = {
  keyphrases: (t) => getTopKeyphrases(t.slug, {}, 15),
  documents: (t) => getTitleDocuments(t.id, { sort: "date", dir: "desc", page: 1, pageSize: 25 }),
};

/** On the title page too, but slow enough at scale to be measured once on a sample of titles only. */
export const TITLE_SLOW: Record<string, TitleQuery> = {
  keyphraseTrends: (t) => getKeyphraseTrends(t.slug, 200),
};

export interface QueryFigures {
  /** All of TITLE_DATA for one title, concurrently. */
  title: Latency;
  overview: Latency;
  /** Each query alone. */
  perQuery: Record<string, Latency>;
}

/**
 * Every title in turn, `rounds` times (after one warm-up pass): the big titles, with tens of
 * thousands of sentences, set the p95.
 */
export async function measureQueries(titles: TitleRecord[], rounds: number, overviewSamples: number): Promise<QueryFigures> {
  const all = { ...TITLE_DATA, ...TITLE_EXTRA };
  for (const t of titles) for (const q of Object.values(all)) await q(t);
  await getOverview();

  const title: number[] = [];
  const perQuery: Record<string, number[]> = Object.fromEntries(Object.keys(all).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const t of titles) {
      title.push(await timed(() => Promise.all(Object.values(TITLE_DATA).map((q) => q(t)))));
      for (const [name, q] of Object.entries(all)) perQuery[name].push(await timed(() => q(t)));
    }
  }
  // Every sixth title by size (the biggest included): seconds each at 100k documents.
  const sample = [...titles].sort((a, b) => a.id - b.id).filter((_, i) => i % 6 === 0);
  for (const [name, q] of Object.entries(TITLE_SLOW)) {
    perQuery[name] = [];
    for (const t of sample) perQuery[name].push(await timed(() => q(t)));
  }
  const overview: number[] = [];
  for (let i = 0; i < overviewSamples; i++) overview.push(await timed(() => getOverview()));
  return {
    title: summarize(title),
    overview: summarize(overview),
    perQuery: Object.fromEntries(Object.entries(perQuery).map(([k, v]) => [k, summarize(v)])),
  };
}

// --- Query plans -----------------------------------------------------------------------------------

interface Captured {
  text: string;
  values: unknown[];
}

/** The SQL statements (with their parameters) that `work` sends through the pg driver. */
async function captureSql(work: () => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === "string") captured.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === "object" && "text" in first) {
      const q = first as { text: string; values?: unknown[] };
      captured.push({ text: q.text, values: q.values ?? [] });
    }
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return captured.filter((c) => /^\s*(select|with)\b/i.test(c.text));
}

const squeeze = (sql: string) => sql.replace(/\s+/g, " ").trim();

/** Markdown: for each query function, the SQL it sends and EXPLAIN (ANALYZE, BUFFERS) of it. */
export async function explainQueries(title: TitleRecord, heading: string): Promise<string> {
  const pool = await getPool();
  const targets: [string, () => Promise<unknown>][] = [
    ...Object.entries({ ...TITLE_DATA, ...TITLE_EXTRA, ...TITLE_SLOW }).map(([name, q]): [string, () => Promise<unknown>] => [name, () => q(title)]),
    ["overview", () => getOverview()],
  ];
  const out = [`## ${heading}`, ""];
  for (const [name, work] of targets) {
    const statements = await captureSql(work);
    for (const [i, s] of statements.entries()) {
      const { rows } = await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${s.text}`, s.values);
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
      const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
      out.push(`### ${name}${statements.length > 1 ? ` (statement ${i + 1} of ${statements.length})` : ""}: ${time ?? "?"} ms in PostgreSQL`, "");
      out.push("```sql", squeeze(s.text).slice(0, 1500), "```", "", "```", plan, "```", "");
    }
  }
  return out.join("\n");
}

// --- Proposed indexes --------------------------------------------------------------------------------

/**
 * Indexes the benchmark proposes (it never changes the schema: it creates them in its scratch
 * database after measuring the schema as it is, then measures again). See docs/performance.md.
 */
export const PROPOSED_INDEXES: { name: string; sql: string; why: string }[] = [
  {
    name: "documents_title_rollup_idx",
    sql: `create index documents_title_rollup_idx on documents (title_id)
            include (id, kind, phase, published_at, stance_score, stance_label, language, source_id, created_at)
            where duplicate_of_id is null`,
    why: "overview, KPI counts and scores read only these columns of a title's originals: an index-only scan instead of the heap (~800 B a row with the MinHash)",
  },
  {
    name: "documents_title_date_idx",
    sql: `create index documents_title_date_idx on documents (title_id, published_at desc nulls last, id desc)`,
    why: "the documents table's default order (newest first, undated last): the first page without sorting every document of the title",
  },
  {
    name: "sentences_document_cover_idx",
    sql: `create index sentences_document_cover_idx on sentences (document_id) include (evaluative, score, anticipation, aspects)`,
    why: "sentence aggregates per document (aspect coverage, excitement) without visiting the 3 M-row heap",
  },
];

export async function createProposedIndexes(client: pg.Client): Promise<void> {
  for (const index of PROPOSED_INDEXES) await client.query(index.sql);
  await client.query("vacuum analyze documents");
  await client.query("vacuum analyze sentences");
}
