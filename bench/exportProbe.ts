// One CSV export measured in a process of its own (started by bench/run.ts), so its peak memory is
// the export's alone and not the benchmark's: `node --import tsx bench/exportProbe.ts sentences
// [--to YYYY-MM-DD]` with DATABASE_URL set. The CSV goes to a sink that only counts it, as fast
// as the database and the CSV writer produce it; prints one JSON line.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { closeDb, getPool } from "../lib/db/client";
import { EXPORT_DATASETS, exportCsv, exportFiltersSchema } from "../lib/export/datasets";

const argsSchema = z.object({ dataset: z.enum(EXPORT_DATASETS), to: z.string().optional() });

export interface ExportProbeResult {
  /** Data rows (CRLF-terminated records minus the header). */
  rows: number;
  bytes: number;
  ms: number;
  /** The process's peak resident set (kernel high-water mark), start-up included. */
  peakRssMb: number;
  /** Peak V8 heap seen while streaming (sampled every 20 ms). */
  peakHeapMb: number;
  /** Resident set once the modules are loaded and the database connected, before the first row. */
  baselineRssMb: number;
}

async function main(): Promise<void> {
  const toIndex = process.argv.indexOf("--to");
  const args = argsSchema.parse({ dataset: process.argv[2], to: toIndex > 0 ? process.argv[toIndex + 1] : undefined });
  const filters = exportFiltersSchema.parse({ to: args.to });
  await (await getPool()).query("select 1");
  const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
  let bytes = 0;
  let records = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
  // Records end with CRLF; a bare LF inside a quoted cell is not a record end.
  let carry = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (carry && chunk[0] === 10) records++;
      for (let at = chunk.indexOf("\r\n"); at >= 0; at = chunk.indexOf("\r\n", at + 2)) records++;
      carry = chunk[chunk.length - 1] === 13;
      done();
    },
  });
  const started = performance.now();
  await pipeline(exportCsv(args.dataset, filters), sink);
  const ms = performance.now() - started;
  clearInterval(sampler);
  await closeDb();
  const result: ExportProbeResult = {
    rows: records - 1,
    bytes,
    ms,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: Math.max(peakHeap, process.memoryUsage().heapUsed) / 1024 / 1024,
    baselineRssMb,
  };
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(`export probe failed: ${(error as Error).message}`);
  process.exitCode = 1;
});
