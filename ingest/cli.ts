// npm run ingest -- <file|folder>... [--title T] [--kind review|article] [--date YYYY-MM-DD] [--source NAME] [--json]
import { SingleBar } from "cli-progress";
import { defineCommand } from "citty";
import { parseOption, isoDaySchema, kindSchema } from "./args";
import { CliError, ExitCode, isMain, runCli } from "./cli-kit";
import { type IngestReport, runIngest } from "./run";

export const ingestCommand = defineCommand({
  meta: { name: "ingest", description: "Read articles and reviews, analyse them and store them (re-runs store nothing new)" },
  args: {
    paths: { type: "positional", required: false, description: "Files or folders (.txt .md .html .json .jsonl)" },
    title: { type: "string", description: "Title the documents are about (created if unknown)" },
    kind: { type: "string", description: "review or article (default: inferred from the text)" },
    date: { type: "string", description: "Publication date YYYY-MM-DD when the document has none" },
    source: { type: "string", description: "Source (outlet) name" },
    json: { type: "boolean", description: "Print the report as JSON on the last line" },
  },
  async run({ args }) {
    const targets = (args._ as string[]).filter(Boolean);
    if (!targets.length) throw new CliError("EARG", "Give at least one file or folder, e.g. npm run ingest -- ../shared/seeds --title Ballerina");
    const kind = args.kind === undefined ? undefined : parseOption("kind", kindSchema, args.kind);
    const date = args.date === undefined ? undefined : parseOption("date", isoDaySchema, args.date);
    const interactive = Boolean(process.stderr.isTTY) && !args.json;
    const bar = interactive ? new SingleBar({ format: "Ingesting {bar} {value} items | stored {stored} | duplicates {duplicates} | failed {failed}", barsize: 24, hideCursor: true, stream: process.stderr }) : null;
    bar?.start(0, 0, { stored: 0, duplicates: 0, failed: 0 });

    const report = await runIngest(
      { targets, title: args.title, kind, date, source: args.source, startedBy: "cli", request: ["ingest", ...process.argv.slice(2)].join(" ") },
      (outcome, counts) => {
        if (bar) {
          bar.setTotal(counts.seen);
          bar.update(counts.seen, counts);
        } else if (!args.json) {
          const detail = outcome.status === "failed" ? `failed: ${outcome.error}` : `${outcome.status} #${outcome.documentId} (${outcome.title})`;
          console.log(`${outcome.item}: ${detail}`);
        }
      },
    );
    bar?.stop();
    printReport(report, Boolean(args.json));
    if (report.status === "failed") throw new ExitCode(1);
    if (report.failed > 0) throw new ExitCode(2);
  },
});

function printReport(report: IngestReport, json: boolean) {
  if (json) {
    const { run, seen, stored, duplicates, failed, errors, status } = report;
    console.log(JSON.stringify({ run, status, seen, stored, duplicates, failed, errors }));
    return;
  }
  console.log(`\nRun #${report.run} ${report.status} in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  console.table({ seen: report.seen, stored: report.stored, duplicates: report.duplicates, failed: report.failed });
  for (const e of report.errors) console.log(`  ✗ ${e.item}: ${e.error}`);
}

if (isMain(import.meta.url)) await runCli(ingestCommand);
