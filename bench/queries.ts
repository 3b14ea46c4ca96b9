// Dashboard query latency for the benchmark: the title page's data and the overview, called
// through the real query functions (Prisma, the shared pool), on every title in turn, plus the
// query plans behind them (EXPLAIN ANALYZE of the exact SQL each function sends).
import pg from "pg";
import { getPool } from "../lib/db/client";
import { KEYPHRASE_TREND_LIMIT } from "../lib/export/datasets";
import { getAspectComparison } from "../lib/queries/getAspectComparison";
import { getClaimConflicts } from "../lib/queries/getClaimConflicts";
import { getDocumentFlags } from "../lib/queries/getDocumentFlags";
import { getKeyphraseTrends } from "../lib/queries/getKeyphraseTrends";
import { getOverview } from "../lib/queries/getOverview";
import { getTimeline } from "../lib/queries/getTimeline";
import { getTitleDocuments } from "../lib/queries/getTitleDocuments";
import { getTitleEvents } from "../lib/queries/getTitleEvents";
import { getTitlePeople } from "../lib/queries/getTitlePeople";
import { getTitleScores } from "../lib/queries/getTitleScores";
import { getTitleSources } from "../lib/queries/getTitleSources";
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

/** The rest of the title page, measured apart so the figures say which query costs what. */
export const TITLE_EXTRA: Record<string, TitleQuery> = {
  keyphrases: (t) => getTopKeyphrases(t.slug, {}, 15),
  keyphraseTrends: (t) => getKeyphraseTrends(t.slug, KEYPHRASE_TREND_LIMIT),
  documents: (t) => getTitleDocuments(t.id, { sort: "date", dir: "desc", page: 1, pageSize: 25 }),
  people: (t) => getTitlePeople(t.slug, {}, 12),
  conflicts: (t) => getClaimConflicts(t.slug, {}),
  flags: (t) => getDocumentFlags(t.slug),
  sources: (t) => getTitleSources(t.slug),
  events: (t) => getTitleEvents(t.slug),
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
    ...Object.entries({ ...TITLE_DATA, ...TITLE_EXTRA }).map(([name, q]): [string, () => Promise<unknown>] => [name, () => q(title)]),
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
