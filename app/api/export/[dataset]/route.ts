// GET /api/export/<dataset>?title=<slug>&from=YYYY-MM-DD&to=YYYY-MM-DD&kind=…&phase=…&source=…&aspect=…: a streamed CSV.
import { EXPORT_DATASETS, type ExportDataset, exportCsv, exportFiltersSchema } from "@/lib/export/datasets";
import { badRequest, describeZodError, notFoundResponse, streamBody, withDatabase } from "@/lib/http";
import { getTitleBySlug } from "@/lib/queries/getTitleBySlug";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function isExportDataset(value: string): value is ExportDataset {
  return (EXPORT_DATASETS as readonly string[]).includes(value);
}

// A database that is down answers 503 with Retry-After (lib/http.ts), not a 500.
export const GET = withDatabase(async (request: Request, { params }: { params: Promise<{ dataset: string }> }) => {
  const { dataset } = await params;
  if (!isExportDataset(dataset)) {
    return badRequest(`Unknown dataset "${dataset}". Expected one of: ${EXPORT_DATASETS.join(", ")}.`, "unknown_dataset");
  }
  const parsed = exportFiltersSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(describeZodError(parsed.error), "invalid_filters");
  const filters = parsed.data;
  // An unknown slug would otherwise download a header-only file that looks like "no data".
  if (filters.title && !(await getTitleBySlug(filters.title))) {
    return notFoundResponse(`No title with slug "${filters.title}".`, "unknown_title");
  }
  return new Response(streamBody(exportCsv(dataset, filters), request.signal), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename=hypeline-${dataset}-${filters.title ?? "all"}.csv`,
      "cache-control": "no-store",
    },
  });
});
