// npm run score -- --jsonl: JSON lines {"id","text"} on stdin → one JSON line per input on stdout,
// scored by the same scorer the ingest uses. Streams (constant memory) and never touches the database.
import { once } from "node:events";
import { createInterface } from "node:readline";
import { defineCommand } from "citty";
import { z } from "zod";
import { scoreText } from "../lib/analysis/sentiment";
import { CliError, isMain, runCli } from "./cli-kit";

const inputSchema = z.object({ id: z.unknown().optional(), text: z.string({ error: 'each line needs a "text" string' }) });

export function scoreLine(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `malformed JSON (${(error as Error).message})` };
  }
  const parsed = inputSchema.safeParse(value);
  const id = (value as { id?: unknown })?.id ?? null;
  if (!parsed.success) return { id, error: parsed.error.issues[0]?.message };
  const { stance, sentences } = scoreText(parsed.data.text);
  return {
    id,
    score: Math.round(stance.score * 10_000) / 10_000,
    label: stance.label,
    confidence: Math.round(stance.confidence * 10_000) / 10_000,
    evaluative_share: Math.round(stance.evaluativeShare * 10_000) / 10_000,
    sentences: sentences.length,
  };
}

export const scoreCommand = defineCommand({
  meta: { name: "score", description: "Score JSON lines {\"id\",\"text\"} from stdin; one JSON line out per line in" },
  args: { jsonl: { type: "boolean", description: "Read JSON lines on stdin (the only mode)", default: true } },
  async run({ args }) {
    if (!args.jsonl) throw new CliError("EARG", "Only --jsonl input is supported: echo '{\"id\":1,\"text\":\"…\"}' | npm run score -- --jsonl");
    if (process.stdin.isTTY) console.error('Reading JSON lines from stdin, e.g. {"id": 1, "text": "A thrilling ride."} (Ctrl-D to end)');
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      if (!process.stdout.write(`${JSON.stringify(scoreLine(line))}\n`)) await once(process.stdout, "drain");
    }
  },
});

if (isMain(import.meta.url)) await runCli(scoreCommand);
