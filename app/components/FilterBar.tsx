// The view filters as a plain GET form: submitting it writes them into the URL (so the view can
// be shared), and it works without JavaScript. The timeline's view settings ride along hidden.
import Link from "next/link";
import { ASPECTS } from "@/lib/analysis/aspects";
import type { ViewFilters } from "@/lib/filters";
import { formatDay } from "./format";

const KIND_LABELS = { review: "Reviews", article: "Articles" } as const;
const PHASE_LABELS = { anticipation: "Anticipation (before release)", reception: "Reception (on or after release)" } as const;

export function FilterBar({
  action,
  filters,
  keep,
  sources,
  dropped,
  clearHref,
}: {
  action: string;
  filters: ViewFilters;
  /** Other URL state to keep (axis, bucket, scale, titles…). */
  keep: Record<string, string>;
  sources: { name: string; documents: number }[];
  dropped: string[];
  clearHref: string;
}) {
  const active = activeFilters(filters);
  return (
    <form className="filters card" method="get" action={action} aria-label="Filters">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="filters__fields">
        <label>
          From
          <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>
        <label>
          Kind
          <select name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">All kinds</option>
            <option value="review">Reviews</option>
            <option value="article">Articles</option>
          </select>
        </label>
        <label>
          Phase
          <select name="phase" defaultValue={filters.phase ?? ""}>
            <option value="">Both phases</option>
            <option value="anticipation">Anticipation</option>
            <option value="reception">Reception</option>
          </select>
        </label>
        {sources.length || filters.source ? (
          <label>
            Source
            <select name="source" defaultValue={filters.source ?? ""}>
              <option value="">All sources</option>
              {filters.source && !sources.some((s) => s.name === filters.source) ? <option value={filters.source}>{filters.source}</option> : null}
              {sources.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name} ({s.documents})
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Aspect
          <select name="aspect" defaultValue={filters.aspect ?? ""}>
            <option value="">Any aspect</option>
            {ASPECTS.map((a) => (
              <option key={a.key} value={a.key}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        {active.length ? (
          <Link href={clearHref} className="button-link">
            Clear
          </Link>
        ) : null}
        <p className="filters__summary" role="status">
          {active.length ? `Showing: ${active.join(" · ")}` : "Showing all coverage"}
          {dropped.length ? ` (ignored invalid ${[...new Set(dropped)].join(", ")} in the link)` : ""}
        </p>
      </div>
    </form>
  );
}

export function activeFilters(filters: ViewFilters): string[] {
  const out: string[] = [];
  if (filters.from || filters.to) out.push(`${filters.from ? formatDay(filters.from) : "start"} – ${filters.to ? formatDay(filters.to) : "today"}`);
  if (filters.kind) out.push(KIND_LABELS[filters.kind]);
  if (filters.phase) out.push(PHASE_LABELS[filters.phase]);
  if (filters.source) out.push(filters.source);
  if (filters.aspect) out.push(`about ${ASPECTS.find((a) => a.key === filters.aspect)?.label ?? filters.aspect}`);
  return out;
}
