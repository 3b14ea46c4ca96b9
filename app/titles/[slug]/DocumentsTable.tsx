import Link from "next/link";
import { DOCUMENT_FLAGS } from "@/lib/credibility/flags";
import type { TitleDocumentsPage } from "@/lib/queries/getTitleDocuments";
import { formatDay, formatStance } from "@/app/components/format";
import { PhaseTag } from "@/app/components/PhaseTag";
import { StanceBadge } from "@/app/components/StanceBadge";
import { StatePanel } from "@/app/components/StatePanel";
import { DOCUMENTS_PAGE_SIZE, tableHref, type TableParams } from "./tableParams";

const SORT_NAMES = { date: "publication date", stance: "stance" } as const;

// Short names for the credibility flags (lib/credibility/flags.ts) in a table cell.
const FLAG_NAMES: Record<string, string> = Object.fromEntries(Object.entries(DOCUMENT_FLAGS).map(([flag, def]) => [flag, def.label.toLowerCase()]));

export function DocumentsTable({
  slug,
  documents,
  params,
  keep,
  filtered = false,
}: {
  slug: string;
  documents: TitleDocumentsPage;
  params: TableParams;
  /** The rest of the page state (filters, timeline view), kept by the sort and page links. */
  keep?: URLSearchParams;
  filtered?: boolean;
}) {
  const { rows, total, page, pageCount } = documents;
  if (total === 0 && filtered) {
    return <StatePanel state="empty" title="No documents match these filters" />;
  }
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
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Documents table (scrolls sideways on small screens)">
        <table className="data">
          <caption className="visually-hidden">
            Documents sorted by {SORT_NAMES[params.sort]}, {params.dir === "asc" ? "ascending" : "descending"}; page{" "}
            {page} of {pageCount}
          </caption>
          <thead>
            <tr>
              <SortHeader slug={slug} params={params} keep={keep} column="date" label="Date" />
              <th scope="col">Headline</th>
              <th scope="col">Source</th>
              <th scope="col">Kind</th>
              <th scope="col">Phase</th>
              <SortHeader slug={slug} params={params} keep={keep} column="stance" label="Stance" />
              <th scope="col">Top keyphrases</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="nowrap">{row.publishedAt ? formatDay(row.publishedAt) : <span className="muted">undated</span>}</td>
                <td className="headline">
                  <Link href={`/documents/${row.id}`}>{row.headline || `Document ${row.id}`}</Link>
                  {row.flags.length ? (
                    <span className="flagged__tags">
                      {row.flags.map((f) => (
                        <span key={f} className="tag tag--flag">
                          {FLAG_NAMES[f] ?? f}
                        </span>
                      ))}
                    </span>
                  ) : null}
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
          <PageLink slug={slug} params={params} keep={keep} page={page - 1} disabled={page <= 1} label="← Previous" />
          <PageLink slug={slug} params={params} keep={keep} page={page + 1} disabled={page >= pageCount} label="Next →" />
        </span>
      </nav>
    </>
  );
}

function SortHeader({
  slug,
  params,
  keep,
  column,
  label,
}: {
  slug: string;
  params: TableParams;
  keep?: URLSearchParams;
  column: TableParams["sort"];
  label: string;
}) {
  const active = params.sort === column;
  // Clicking the active column flips it; a new column starts descending (newest, most positive).
  const dir = active && params.dir === "desc" ? "asc" : "desc";
  const arrow = active ? (params.dir === "asc" ? " ↑" : " ↓") : "";
  return (
    <th scope="col" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={tableHref(slug, { sort: column, dir, page: 1 }, keep)} scroll={false}>
        {label}
        {arrow}
      </Link>
    </th>
  );
}

function PageLink({
  slug,
  params,
  keep,
  page,
  disabled,
  label,
}: {
  slug: string;
  params: TableParams;
  keep?: URLSearchParams;
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
    <Link className="button-link" href={tableHref(slug, { ...params, page }, keep)} scroll={false}>
      {label}
    </Link>
  );
}
