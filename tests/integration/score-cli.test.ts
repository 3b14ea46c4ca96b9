// `npm run score -- --jsonl` as a user runs it: a separate process, stdin to stdout, no database.
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const phrases = ["A gorgeous, thrilling triumph.", "Dull, predictable and far too long.", "The film opens on June 6.", "Not bad at all, and often brilliant."];

describe("score --jsonl", () => {
  it("streams 10,000 lines in to 10,000 lines out, in order, without a database", async () => {
    const child = spawn(tsx, ["ingest/score-cli.ts", "--jsonl"], { env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" } });
    const out: Record<string, unknown>[] = [];
    const reading = (async () => {
      for await (const line of createInterface({ input: child.stdout })) out.push(JSON.parse(line));
    })();
    for (let i = 0; i < 10_000; i++) {
      const line = i === 5 ? "{broken\n" : `${JSON.stringify({ id: i, text: phrases[i % phrases.length] })}\n`;
      if (!child.stdin.write(line)) await new Promise((r) => child.stdin.once("drain", r));
    }
    child.stdin.end();
    const code = await new Promise((r) => child.on("close", r));
    await reading;
    expect(code).toBe(0);
    expect(out).toHaveLength(10_000);
    expect(out[5]).toMatchObject({ error: expect.stringMatching(/malformed JSON/) });
    expect(out.filter((o, i) => i !== 5).every((o, i) => typeof o.score === "number" && Math.abs(o.score as number) <= 1)).toBe(true);
    expect(out[9_999].id).toBe(9_999);
    expect(out[0].label).toBe("positive");
    expect(out[1].label).toBe("negative");
  }, 180_000);
});
