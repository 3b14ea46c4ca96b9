// npm run export -- <dataset> [--title SLUG] [--from D] [--to D] [--kind K] [--phase P] [--source S] [--aspect A] > file.csv
import { pipeline } from "node:stream/promises";
import { defineCommand } from "citty";
import { EXPORT_DATASETS, type ExportDataset, exportCsv, exportFiltersSchema } from "../lib/export/datasets";
import { CliError, isMain, runCli } from "./cli-kit";

export const exportCommand = defineCommand({
  meta: { name: "export", description: `CSV on stdout (RFC 4180, UTF-8). Datasets: ${EXPORT_DATASETS.join(", ")}` },
  args: {
    dataset: { type: "positional", required: true, description: EXPORT_DATASETS.join(" | ") },
    title: { type: "string", description: "Only this title (slug, e.g. ballerina)" },
    from: { type: "string", description: "Published on or after YYYY-MM-DD" },
    to: { type: "string", description: "Published on or before YYYY-MM-DD" },
    kind: { type: "string", description: "review | article" },
    phase: { type: "string", description: "anticipation | reception" },
    source: { type: "string", description: 'Source name as stored, e.g. "Reel Pulse"' },
    aspect: { type: "string", description: "Documents (sentences, for the sentences dataset) about an aspect, e.g. action" },
  },
  async run({ args }) {
    if (!EXPORT_DATASETS.includes(args.dataset as ExportDataset)) {
      throw new CliError("EARG", `Unknown dataset "${args.dataset}". Expected one of: ${EXPORT_DATASETS.join(", ")}.`);
    }
    // The dashboard's filters, with the same schema as its CSV links (lib/filters.ts).
    const filters = exportFiltersSchema.safeParse({ title: args.title, from: args.from, to: args.to, kind: args.kind, phase: args.phase, source: args.source, aspect: args.aspect });
    if (!filters.success) {
      const issue = filters.error.issues[0];
      throw new CliError("EARG", `--${String(issue?.path[0] ?? "filter")}: ${issue?.message}`);
    }
    await pipeline(exportCsv(args.dataset as ExportDataset, filters.data), process.stdout, { end: false });
  },
});

if (isMain(import.meta.url)) await runCli(exportCommand);
