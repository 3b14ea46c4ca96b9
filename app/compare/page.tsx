import type { Metadata } from "next";
import Link from "next/link";
import { getOverview } from "@/lib/queries/getOverview";
import { getTimeline } from "@/lib/queries/getTimeline";
import { getTitleScores } from "@/lib/queries/getTitleScores";
import { getTrackedCoverage } from "@/lib/queries/getTrackedCoverage";
import { addDays } from "@/lib/timeline/days";
import { type CompareRow, CompareChart, SeriesSwatch } from "@/app/components/charts/CompareChart";
import { RELATIVE_WINDOW, type TimelineSeries, buildTimelineSeries } from "@/app/components/charts/timelineSeries";
import { FilterBar } from "@/app/components/FilterBar";
import { formatDay, formatOffset } from "@/app/components/format";
import { ScoreCards } from "@/app/components/ScoreCards";
import { StatePanel } from "@/app/components/StatePanel";
import { type TimelineView, csvHref, parsePageState, stateQuery, withQuery } from "@/app/components/viewParams";
import { TimelineControls } from "@/app/titles/[slug]/TimelineControls";
import { compareHref, parseCompareTitles } from "./compareParams";
import { TitlePicker } from "./TitlePicker";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare titles" };

// Comparing is about the shape of a campaign: weeks read better than days across titles.
const COMPARE_DEFAULTS: TimelineView = { axis: "relative", bucket: "week", scale: "raw" };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function ComparePage({ searchParams }: Props) {
  const search = await searchParams;
  const { slugs, invalid } = parseCompareTitles(search);
  const state = parsePageState(search, COMPARE_DEFAULTS);
  const view: TimelineView = { ...state.view, axis: "relative" };
  const { filters } = state;
  const overview = await getOverview();
  const known = slugs.flatMap((slug) => overview.filter((t) => t.slug === slug));
  const unknown = [...invalid, ...slugs.filter((s) => !overview.some((t) => t.slug === s))];
  const comparable = known.filter((t) => t.releaseDate);
  const undatedTitles = known.filter((t) => !t.releaseDate);

  const loaded = await Promise.all(
    comparable.map(async (t) => {
      const release = t.releaseDate!;
      const [rows, scores, tracked] = await Promise.all([
        getTimeline(t.slug, filters),
        getTitleScores(t.slug, filters),
        getTrackedCoverage(addDays(release, -RELATIVE_WINDOW.before - 7), addDays(release, RELATIVE_WINDOW.after + 7), filters),
      ]);
      return { title: t, scores, series: buildTimelineSeries(rows, release, { axis: "relative", bucket: view.bucket, tracked }) };
    }),
  );
  const rows = mergeSeries(loaded.map((l) => ({ slug: l.title.slug, series: l.series })), view.scale);
  const rest = stateQuery({ filters, view }, COMPARE_DEFAULTS);
  const here = compareHref(slugs, rest);
  const viewHref = (next: TimelineView) => compareHref(slugs, stateQuery({ filters, view: { ...next, axis: "relative" } }, COMPARE_DEFAULTS));
  const hidden: Record<string, string> = Object.fromEntries(rest.entries());
  for (const key of ["from", "to", "kind", "phase", "source", "aspect"]) delete hidden[key];
  if (slugs.length) hidden.titles = slugs.join(",");
  const outside = loaded.reduce((sum, l) => sum + l.series.outside, 0);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Compare titles</h1>
          <p>Titles overlaid at the same distance from their own release, with their scores side by side.</p>
        </div>
      </div>

      <TitlePicker
        titles={overview.map((t) => ({ slug: t.slug, name: t.name, releaseDate: t.releaseDate }))}
        selected={known.map((t) => t.slug)}
        rest={rest.toString()}
      />
      <FilterBar action="/compare" filters={filters} keep={hidden} sources={[]} dropped={state.dropped} clearHref={compareHref(slugs, stateQuery({ filters: {}, view }, COMPARE_DEFAULTS))} />
      {unknown.length ? (
        <StatePanel state="error" title={`Not found: ${unknown.join(", ")}`}>
          <p>Titles are named by their slug, as in their address (/titles/ballerina). Pick them from the list above.</p>
        </StatePanel>
      ) : null}

      {known.length === 0 ? (
        <StatePanel state="empty" title="Pick two or more titles to compare">
          <p>
            Tick titles above, or open an address such as <code>/compare?titles=ballerina,john-wick-chapter-4</code>.
          </p>
        </StatePanel>
      ) : (
        <div className="stack">
          <section className="card" aria-labelledby="overlay-heading">
            <div className="card__head">
              <div>
                <h2 id="overlay-heading">Coverage from T−{RELATIVE_WINDOW.before} to T+{RELATIVE_WINDOW.after}</h2>
                <p className="card__sub">
                  {view.scale === "share" ? "Share of all tracked coverage" : "Documents"} per {view.bucket}, each title on its own release day (T0).
                  {outside > 0 ? ` ${outside} document${outside === 1 ? " lies" : "s lie"} outside the window.` : ""}
                  {undatedTitles.length ? ` Not on the chart (no release date registered): ${undatedTitles.map((t) => t.name).join(", ")}.` : ""}
                </p>
              </div>
              <div className="csv-links">
                {comparable.map((t) => (
                  <a key={t.slug} className="button-link" href={csvHref("timeline", filters, t.slug)} download>
                    <span aria-hidden="true">↓</span> {t.name} CSV
                  </a>
                ))}
              </div>
            </div>
            <TimelineControls view={view} href={viewHref} hasRelease showAxis={false} />
            <CompareChart
              rows={rows}
              series={comparable.map((t) => ({ slug: t.slug, name: t.name, releaseDate: t.releaseDate! }))}
              bucket={view.bucket}
              scale={view.scale}
            />
            <CompareTable rows={rows} titles={comparable.map((t) => ({ slug: t.slug, name: t.name }))} bucket={view.bucket} scale={view.scale} />
          </section>

          <section aria-labelledby="cards-heading">
            <h2 id="cards-heading" className="section-title">
              Scores side by side
            </h2>
            <div className="compare-cards">
              {loaded.map(({ title, scores }, i) => {
                const titleBase = `/titles/${encodeURIComponent(title.slug)}`;
                return (
                  <article key={title.slug} className="compare-cards__title" aria-labelledby={`cmp-${title.slug}`} data-testid="compare-title">
                    <h3 id={`cmp-${title.slug}`}>
                      <SeriesSwatch index={i} />
                      <Link href={withQuery(titleBase, stateQuery({ filters, view: { ...view, axis: "relative" } }))}>{title.name}</Link>
                    </h3>
                    <p className="muted small">Release {formatDay(title.releaseDate!)}</p>
                    <ScoreCards
                      compact
                      scores={scores}
                      links={{
                        documents: (subset) => withQuery(titleBase, stateQuery({ filters: { ...filters, ...subset }, view }), "#documents"),
                        sentences: (subset) => csvHref("sentences", { ...filters, ...subset }, title.slug),
                      }}
                    />
                  </article>
                );
              })}
            </div>
          </section>
          <p className="muted small">
            Share this view: <Link href={here}>{here}</Link>
          </p>
        </div>
      )}
    </>
  );
}

/** One row per bucket of the shared relative axis, one column per title (value and its n). */
function mergeSeries(all: { slug: string; series: TimelineSeries }[], scale: "raw" | "share"): CompareRow[] {
  if (all.length === 0) return [];
  return all[0].series.points.map((p, i) => {
    const row: CompareRow = { x: p.x, offset: p.offset ?? 0 };
    for (const { slug, series } of all) {
      const point = series.points[i];
      row[slug] = scale === "share" ? point.share : point.documents;
      row[`${slug}__n`] = point.documents;
    }
    return row;
  });
}

function CompareTable({ rows, titles, bucket, scale }: { rows: CompareRow[]; titles: { slug: string; name: string }[]; bucket: "day" | "week"; scale: "raw" | "share" }) {
  const shown = rows.filter((r) => titles.some((t) => Number(r[`${t.slug}__n`]) > 0));
  return (
    <details className="table-view">
      <summary>Table view ({shown.length} {bucket === "day" ? "days" : "weeks"} with coverage)</summary>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Comparison table (scrolls sideways on small screens)">
        <table className="data">
          <caption className="visually-hidden">{scale === "share" ? "Share of tracked coverage" : "Documents"} per {bucket}, by title</caption>
          <thead>
            <tr>
              <th scope="col">{bucket === "day" ? "Day" : "Week from"}</th>
              {titles.map((t) => (
                <th key={t.slug} scope="col" className="num">
                  {t.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.x}>
                <th scope="row">{formatOffset(r.offset)}</th>
                {titles.map((t) => {
                  const value = r[t.slug];
                  const n = Number(r[`${t.slug}__n`]);
                  return (
                    <td key={t.slug} className="num">
                      {scale === "share" ? (typeof value === "number" ? `${value.toFixed(1)}% (n = ${n})` : "–") : n}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
