// npm run ingest -- <file|folder|url|feed>... [--title T] [--kind review|article] [--date YYYY-MM-DD] [--source NAME]
//   [--map text=body,date=published] [--json]
import { SingleBar } from "cli-progress";
import { defineCommand } from "citty";
import { parseOption, isoDaySchema, kindSchema } from "./args";
import { type FieldMap, parseFieldMap } from "./sources/csv";
import { CliError, ExitCode, isMain, runCli } from "./cli-kit";
import { type IngestReport, type ItemOutcome, runIngest } from "./run";

export const ingestCommand = defineCommand({
  meta: { name: "ingest", description: "Read articles and reviews, analyse them and store them (re-runs store nothing new)" },
  args: {
    paths: { type: "positional", required: false, description: "Files or folders (.txt .md .html .json .jsonl .csv), article URLs, RSS/Atom feed URLs" },
    title: { type: "string", description: "Title the documents are about (created if unknown)" },
    kind: { type: "string", description: "review or article (default: inferred from the text)" },
    date: { type: "string", description: "Publication date YYYY-MM-DD when the document has none" },
    source: { type: "string", description: "Source (outlet) name" },
    map: { type: "string", description: "Which column holds each field in CSV/JSON/JSONL, e.g. text=body,date=published,title=film" },
    json: { type: "boolean", description: "Print the report as JSON on the last line" },
  },
  async run({ args }) {
    const targets = (args._ as string[]).filter(Boolean);
    if (!targets.length) throw new CliError("EARG", "Give at least one file or folder, page URL or feed URL, e.g. npm run ingest -- ../shared/seeds --title Ballerina");
    const kind = args.kind === undefined ? undefined : parseOption("kind", kindSchema, args.kind);
    const date = args.date === undefined ? undefined : parseOption("date", isoDaySchema, args.date);
    let map: FieldMap | undefined;
    try {
      map = args.map === undefined ? undefined : parseFieldMap(String(args.map));
    } catch (error) {
      throw new CliError("EARG", `--map ${JSON.stringify(args.map)}: ${(error as Error).message}`);
    }
    const interactive = Boolean(process.stderr.isTTY) && !args.json;
    // The total is an estimate (lines of an export, new entries of a feed) refined as sources are read.
    const bar = interactive ? new SingleBar({ format: "Ingesting {bar} {value}/{total} | stored {stored} | duplicates {duplicates} | failed {failed} | {last}", barsize: 24, hideCursor: true, stream: process.stderr }) : null;
    bar?.start(0, 0, { stored: 0, duplicates: 0, failed: 0, last: "" });
    let expected = 0;

    // SIGTERM or Ctrl-C: finish the document being stored, record the run as stopped, exit with
    // 128 + the signal number. A second Ctrl-C exits at once; either way every committed document
    // is whole (one transaction each) and the next run stores the rest.
    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
      if (stop.signal.aborted) {
        if (signal === "SIGINT") process.exit(130);
        return;
      }
      stop.abort(signal);
      bar?.stop();
      console.error(`${signal}: finishing the current document, then stopping (Ctrl-C again to stop at once)`);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);

    const report = await runIngest(
      {
        targets,
        title: args.title,
        kind,
        date,
        source: args.source,
        map,
        startedBy: "cli",
        request: ["ingest", ...process.argv.slice(2)].join(" "),
        signal: stop.signal,
        onExpected: bar
          ? (more) => {
              expected += more;
              bar.setTotal(Math.max(expected, 1));
            }
          : undefined,
      },
      (outcome, counts) => {
        if (bar) {
          if (counts.seen > expected) bar.setTotal((expected = counts.seen));
          bar.update(counts.seen, { ...counts, last: shorten(outcome.item, 48) });
        } else if (!args.json) {
          console.log(`${outcome.item}: ${describeOutcome(outcome)}`);
        }
      },
      (note) => {
        // Item notes are listed in the end table; a retry or a feed summary is news now.
        if (!args.json && (note.item === "(run)" || /^database connection lost|^feed /.test(note.note))) {
          if (bar) bar.update({ last: shorten(note.note, 60) });
          else console.log(`${note.item}: ${note.note}`);
        }
      },
    ).finally(() => {
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
    });
    bar?.stop();
    printReport(report, Boolean(args.json));
    if (report.status === "stopped") throw new ExitCode(stop.signal.reason === "SIGINT" ? 130 : 143);
    if (report.status === "failed") throw new ExitCode(1);
    if (report.failed > 0) throw new ExitCode(2);
  },
});

function shorten(s: string, n: number): string {
  return s.length <= n ? s : `…${s.slice(s.length - n + 1)}`;
}

function describeOutcome(outcome: ItemOutcome): string {
  if (outcome.status === "failed") return `failed: ${outcome.error}`;
  const date = outcome.publishedAt ? `${outcome.publishedAt} (${outcome.dateFrom})` : "undated";
  const language = outcome.language === "en" ? "" : `, ${outcome.language}, not scored`;
  return `${outcome.status} #${outcome.documentId} (${outcome.title}, ${date}${language})`;
}

function printReport(report: IngestReport, json: boolean) {
  if (json) {
    const { run, seen, stored, duplicates, failed, errors, notes, status } = report;
    console.log(JSON.stringify({ run, status, seen, stored, duplicates, failed, errors, notes }));
    return;
  }
  console.log(`\nRun #${report.run} ${report.status} in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  console.table({ seen: report.seen, stored: report.stored, duplicates: report.duplicates, failed: report.failed });
  for (const n of report.notes) console.log(`  · ${n.item}: ${n.note}`);
  for (const e of report.errors) console.log(`  ✗ ${e.item}: ${e.error}`);
}

if (isMain(import.meta.url)) await runCli(ingestCommand);
