import Link from "next/link";
import type { TitleDocumentsPage } from "@/lib/queries/getTitleDocuments";
import { formatDay, formatStance } from "@/app/components/format";
import { PhaseTag } from "@/app/components/PhaseTag";
import { StanceBadge } from "@/app/components/StanceBadge";
import { StatePanel } from "@/app/components/StatePanel";
import { DOCUMENTS_PAGE_SIZE, tableHref, type TableParams } from "./tableParams";

const SORT_NAMES = { date: "publication date", stance: "stance" } as const;

export function DocumentsTable({
  slug,
  documents,
  params,
}: {
  slug: string;
  documents: TitleDocumentsPage;
  params: TableParams;
}) {
  const { rows, total, page, pageCount } = documents;
  if (total === 0) {
    return (
      <StatePanel state="empty" title="No documents for this title yet">
        <p>
          Add coverage with <code>npm run ingest -- &lt;file|folder&gt; --title &quot;Name&quot;</code>.
        </p>
      </StatePanel>
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">
            Documents sorted by {SORT_NAMES[params.sort]}, {params.dir === "asc" ? "ascending" : "descending"}; page{" "}
            {page} of {pageCount}
          </caption>
          <thead>
            <tr>
              <SortHeader slug={slug} params={params} column="date" label="Date" />
              <th scope="col">Headline</th>
              <th scope="col">Source</th>
              <th scope="col">Kind</th>
              <th scope="col">Phase</th>
              <SortHeader slug={slug} params={params} column="stance" label="Stance" />
              <th scope="col">Top keyphrases</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="nowrap">{row.publishedAt ? formatDay(row.publishedAt) : <span className="muted">undated</span>}</td>
                <td className="headline">
                  <Link href={`/documents/${row.id}`}>{row.headline || `Document ${row.id}`}</Link>
                </td>
                <td>{row.source ?? <span className="faint">unknown</span>}</td>
                <td>{row.kind}</td>
                <td>
                  <PhaseTag phase={row.phase} inferred={row.phaseInferred} />
                </td>
                <td className="nowrap">
                  <StanceBadge label={row.stanceLabel} /> <span className="num">{formatStance(row.stanceScore)}</span>
                </td>
                <td className="muted">{row.keyphrases.length ? row.keyphrases.join(", ") : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label="Documents pages">
        <span>
          {(page - 1) * DOCUMENTS_PAGE_SIZE + 1}–{(page - 1) * DOCUMENTS_PAGE_SIZE + rows.length} of {total} · page {page} of{" "}
          {pageCount}
        </span>
        <span className="pagination__links">
          <PageLink slug={slug} params={params} page={page - 1} disabled={page <= 1} label="← Previous" />
          <PageLink slug={slug} params={params} page={page + 1} disabled={page >= pageCount} label="Next →" />
        </span>
      </nav>
    </>
  );
}

function SortHeader({
  slug,
  params,
  column,
  label,
}: {
  slug: string;
  params: TableParams;
  column: TableParams["sort"];
  label: string;
}) {
  const active = params.sort === column;
  // Clicking the active column flips it; a new column starts descending (newest, most positive).
  const dir = active && params.dir === "desc" ? "asc" : "desc";
  const arrow = active ? (params.dir === "asc" ? " ↑" : " ↓") : "";
  return (
    <th scope="col" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={tableHref(slug, { sort: column, dir, page: 1 })} scroll={false}>
        {label}
        {arrow}
      </Link>
    </th>
  );
}

function PageLink({
  slug,
  params,
  page,
  disabled,
  label,
}: {
  slug: string;
  params: TableParams;
  page: number;
  disabled: boolean;
  label: string;
}) {
  if (disabled) {
    return (
      <span className="button-link" aria-disabled="true">
        {label}
      </span>
    );
  }
  return (
    <Link className="button-link" href={tableHref(slug, { ...params, page })} scroll={false}>
      {label}
    </Link>
  );
}
