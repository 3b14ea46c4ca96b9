// The CSV exports, shared by `npm run export` and /api/export/<dataset>. Each dataset has a
// documented, stable column list (see README "CSV exports"). Large tables stream from a
// server-side cursor (tables.ts); chart datasets reuse the chart's own query so the two cannot
// disagree (charts.ts, loaded on first use: its queries bring in Prisma and the query modules,
// ~45 MB that a process streaming documents or sentences does not need).
import { Readable } from "node:stream";
import { z } from "zod";
import { isIsoDay } from "../calendar";
import { viewFilterShape } from "../filters";
import { documentsCsv, sentencesCsv } from "./tables";

export { DOCUMENT_COLUMNS, SENTENCE_COLUMNS } from "./tables";

export const EXPORT_DATASETS = ["documents", "sentences", "timeline", "keyphrases", "aspects", "people", "claims", "conflicts"] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];
export type ChartDataset = Exclude<ExportDataset, "documents" | "sentences">;

/** How many of a title's most distinctive phrases get their "rising" weeks (getKeyphraseTrends), on the page and here. */
export const KEYPHRASE_TREND_LIMIT = 200;

const day = z.string().refine(isIsoDay, { message: "expected a date as YYYY-MM-DD" });

export const exportFiltersSchema = z
  .object({
    title: z.string().regex(/^[a-z0-9-]{1,80}$/, "expected a title slug such as ballerina").optional(),
    from: day.optional(),
    to: day.optional(),
    // The title page's other filters (lib/filters.ts), so its CSV links export what it shows.
    kind: viewFilterShape.kind,
    phase: viewFilterShape.phase,
    source: viewFilterShape.source,
    aspect: viewFilterShape.aspect,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from must not be after to", path: ["from"] });

export type ExportFilters = z.infer<typeof exportFiltersSchema>;

/** A chart dataset's CSV: the stream is returned at once, charts.ts is loaded when it is first read. */
function chartCsv(dataset: ChartDataset, filters: ExportFilters): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    const { chartCsv: open } = await import("./charts");
    yield* open(dataset, filters);
  }
  return Readable.from(chunks(), { objectMode: false });
}

export function exportCsv(dataset: ExportDataset, filters: ExportFilters): Readable {
  switch (dataset) {
    case "documents":
      return documentsCsv(filters);
    case "sentences":
      return sentencesCsv(filters);
    default:
      return chartCsv(dataset, filters);
  }
}
