import type { ExportDataset } from "@/lib/export/datasets";
import type { ViewFilters } from "@/lib/filters";
import { csvHref } from "./viewParams";

/** A download link to /api/export/<dataset>, carrying the same filters as the view it sits in. */
export function CsvLink({
  dataset,
  title,
  filters = {},
  children,
}: {
  dataset: ExportDataset;
  title: string;
  filters?: ViewFilters;
  children: React.ReactNode;
}) {
  return (
    <a className="button-link" href={csvHref(dataset, filters, title)} download>
      <span aria-hidden="true">↓</span> {children}
    </a>
  );
}
