import type { ExportDataset } from "@/lib/export/datasets";

/** A download link to /api/export/<dataset>, carrying the same filters as the view it sits in. */
export function CsvLink({
  dataset,
  title,
  children,
}: {
  dataset: ExportDataset;
  title: string;
  children: React.ReactNode;
}) {
  const query = new URLSearchParams({ title });
  return (
    <a className="button-link" href={`/api/export/${dataset}?${query.toString()}`} download>
      <span aria-hidden="true">↓</span> {children}
    </a>
  );
}
