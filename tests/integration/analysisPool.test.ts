// The analysis pool (ingest/analysisPool.ts): real worker threads loading the real analysis
// through the .mjs bootstrap. It must give exactly what the main thread gives, in input order,
// and a thread that dies mid-item must fail that item alone instead of hanging the run.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate";
import { AnalysisPool, AnalysisWorkerError } from "../../ingest/analysisPool";
import { AnalysisError, type AnalyzeInput, analyzeDocument } from "../../lib/analysis/analyze";

interface DemoRecord {
  title: string;
  date: string;
  kind: "review" | "article";
  headline: string;
  text: string;
}

const demo: DemoRecord[] = readFileSync(path.resolve("demo/corpus.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as DemoRecord);

const inputs: AnalyzeInput[] = demo.map((r) => ({ rawText: r.text, headline: r.headline, metadataDate: r.date, kind: r.kind, releaseDate: "2025-06-06" }));

function mainThread(input: AnalyzeInput): { ok: true; doc: ReturnType<typeof analyzeDocument> } | { ok: false; error: Error } {
  try {
    return { ok: true, doc: analyzeDocument(input) };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

const pools: AnalysisPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe("AnalysisPool", () => {
  it("gives the main thread's results, in input order, errors included", async () => {
    const pool = new AnalysisPool({ threads: 2 });
    pools.push(pool);
    // Unanalysable input in the middle: it must come back as that item's AnalysisError.
    const items = [...inputs.slice(0, 20), { rawText: "   \n " }, { rawText: "12 34 56 78 90 11 22 33 44 55 66 77 88 99 00" }, ...inputs.slice(20)];

    const outcomes = [];
    for await (const outcome of pool.analyzeInOrder(items, (input) => input, 4)) outcomes.push(outcome);

    expect(outcomes.map((o) => o.item)).toEqual(items);
    for (const [i, outcome] of outcomes.entries()) {
      const expected = mainThread(items[i]);
      if (expected.ok) {
        expect(outcome.ok, `item ${i}`).toBe(true);
        if (outcome.ok) expect(outcome.doc).toEqual(expected.doc);
      } else {
        expect(outcome.ok, `item ${i}`).toBe(false);
        if (!outcome.ok) {
          expect(outcome.error).toBeInstanceOf(AnalysisError);
          expect((outcome.error as AnalysisError).code).toBe((expected.error as AnalysisError).code);
          expect(outcome.error.message).toBe(expected.error.message);
        }
      }
    }
    expect(outcomes.filter((o) => !o.ok)).toHaveLength(2);
  });

  it("spreads concurrent items over both threads, each answering its own item", async () => {
    const pool = new AnalysisPool({ threads: 2 });
    pools.push(pool);
    await pool.ready();
    const before = pool.eventLoopUtilization();
    const docs = await Promise.all(inputs.slice(0, 16).map((input) => pool.analyze(input)));
    expect(docs.map((d) => d.contentHash)).toEqual(inputs.slice(0, 16).map((input) => analyzeDocument(input).contentHash));
    // Both threads did analysis work (busy time grew on each), not one thread doing it all.
    const after = pool.eventLoopUtilization();
    expect(after).toHaveLength(2);
    for (const [i, now] of after.entries()) expect(now.active).toBeGreaterThan(before[i].active);
  });

  it("fails only the item whose thread dies (out of memory) and goes on with the next ones", async () => {
    // A real crash: the thread's heap is capped, and one document is far too big for it.
    const pool = new AnalysisPool({ threads: 1, resourceLimits: { maxOldGenerationSizeMb: 80 } });
    pools.push(pool);
    const huge = [...generateCorpus(300, 7)].map((r) => r.text).join("\n\n");
    const items: AnalyzeInput[] = [inputs[0], { rawText: huge }, inputs[1], inputs[2]];

    const outcomes = [];
    for await (const outcome of pool.analyzeInOrder(items, (input) => input, 4)) outcomes.push(outcome);

    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true]);
    const failed = outcomes[1];
    if (failed.ok) throw new Error("unreachable");
    expect(failed.error).toBeInstanceOf(AnalysisWorkerError);
    expect(failed.error.message).toMatch(/analysis thread stopped while analysing this item \(.*memory.*\).*split it/);
    const third = outcomes[2];
    if (third.ok) expect(third.doc).toEqual(analyzeDocument(inputs[1]));
  });

  it("fails what is queued, instead of hanging, when it is closed", async () => {
    const pool = new AnalysisPool({ threads: 1 });
    const pending = inputs.slice(0, 3).map((input) => pool.analyze(input).then(() => "done", (error: Error) => error.message));
    await pool.close();
    const results = await Promise.all(pending);
    for (const r of results) expect(r).toMatch(/closed before this item was analysed/);
    await expect(pool.analyze(inputs[0])).rejects.toThrow(/pool is closed/);
  });
});
