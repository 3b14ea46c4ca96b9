// The demo corpus (demo/: original writing, fictional outlets) loaded through the real pipeline.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { saveTitle } from "../lib/store/titles";
import { type IngestReport, runIngest } from "./run";

export const DEMO_DIR = path.join(process.cwd(), "demo");

const titlesSchema = z.array(z.object({ name: z.string(), release: z.string().nullable(), aliases: z.array(z.string()).default([]) }));

/** Registers the demo titles with their release dates, then ingests the demo corpus. */
export async function loadDemoCorpus(startedBy = "demo"): Promise<IngestReport> {
  const titles = titlesSchema.parse(JSON.parse(readFileSync(path.join(DEMO_DIR, "titles.json"), "utf8")));
  for (const t of titles) await saveTitle({ name: t.name, releaseDate: t.release, aliases: t.aliases });
  return runIngest({ targets: [path.join(DEMO_DIR, "corpus.jsonl")], startedBy, request: "demo corpus (demo/corpus.jsonl)" });
}
