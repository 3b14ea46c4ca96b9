import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KEYPHRASE_TREND_LIMIT } from "@/lib/export/datasets";
import { type ViewFilters, hasViewFilters } from "@/lib/filters";
import { getAspectComparison } from "@/lib/queries/getAspectComparison";
import { getBucketDocuments } from "@/lib/queries/getBucketDocuments";
import { getClaimConflicts } from "@/lib/queries/getClaimConflicts";
import { getDocumentFlags } from "@/lib/queries/getDocumentFlags";
import { getKeyphraseTrends } from "@/lib/queries/getKeyphraseTrends";
import { getTimeline } from "@/lib/queries/getTimeline";
import { getTitleDocuments } from "@/lib/queries/getTitleDocuments";
import { getTitleEvents } from "@/lib/queries/getTitleEvents";
import { getTitlePeople } from "@/lib/queries/getTitlePeople";
import { getTitleScores } from "@/lib/queries/getTitleScores";
import { getTitleSources } from "@/lib/queries/getTitleSources";
import { getTitleSummary } from "@/lib/queries/getTitleSummary";
import { getTopKeyphrases } from "@/lib/queries/getTopKeyphrases";
import { getTrackedCoverage } from "@/lib/queries/getTrackedCoverage";
import { addDays } from "@/lib/timeline/days";
import { HypeChart } from "@/app/components/charts/HypeChart";
import { RELATIVE_WINDOW, bucketKeyOf, buildTimelineSeries } from "@/app/components/charts/timelineSeries";
import { CsvLink } from "@/app/components/CsvLink";
import { FilterBar } from "@/app/components/FilterBar";
import { formatDay } from "@/app/components/format";
import { ScoreCards } from "@/app/components/ScoreCards";
import { DEFAULT_VIEW, type TimelineView, csvHref, parsePageState, stateQuery, withQuery } from "@/app/components/viewParams";
import { AspectsChart } from "./AspectsChart";
import { ClaimConflicts } from "./ClaimConflicts";
import { DocumentsTable } from "./DocumentsTable";
import { FlagsPanel } from "./FlagsPanel";
import { KeyphraseList } from "./KeyphraseList";
import { loadTitle } from "./loadTitle";
import { PeopleList } from "./PeopleList";
import { DOCUMENTS_PAGE_SIZE, parseTableParams } from "./tableParams";
import { TimelineControls } from "./TimelineControls";
import { TimelinePanel } from "./TimelinePanel";
import { TimelineTable } from "./TimelineTable";

export const dynamic = "force-dynamic";

const KEYPHRASE_LIMIT = 15;
const PEOPLE_LIMIT = 12;

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const title = await loadTitle((await params).slug);
  return { title: title?.name ?? "Title not found" };
}

export default async function TitlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const title = await loadTitle(slug);
  if (!title) notFound();
  const search = await searchParams;
  const state = parsePageState(search);
  const { filters, view } = state;
  const table = parseTableParams(search);
  // The theme queries understand the date range, kind and source (phase and aspect are what they compare).
  const themeFilters = { from: filters.from, to: filters.to, kind: filters.kind, source: filters.source };
  const [summary, timeline, scores, events, keyphrases, trends, people, aspects, conflicts, flags, documents, sources] = await Promise.all([
    getTitleSummary(title.id),
    getTimeline(title.slug, filters),
    getTitleScores(title.slug, filters),
    getTitleEvents(title.slug),
    getTopKeyphrases(title.slug, filters, KEYPHRASE_LIMIT),
    getKeyphraseTrends(title.slug, KEYPHRASE_TREND_LIMIT),
    getTitlePeople(title.slug, themeFilters, PEOPLE_LIMIT),
    getAspectComparison(title.slug, themeFilters),
    getClaimConflicts(title.slug, themeFilters),
    getDocumentFlags(title.slug),
    getTitleDocuments(title.id, { ...table, pageSize: DOCUMENTS_PAGE_SIZE, filters }),
    getTitleSources(title.slug),
  ]);

  // The denominator of the normalised view: every title's coverage over the span the axis can show.
  const span = trackedSpan(timeline.map((r) => r.day), title.releaseDate);
  const tracked = span ? await getTrackedCoverage(span.from, span.to, filters) : [];
  const series = buildTimelineSeries(timeline, title.releaseDate, { axis: view.axis, bucket: view.bucket, tracked });
  const spikes = series.points.filter((p) => p.spike);
  const explained = await getBucketDocuments(title.slug, spikes.map((p) => ({ from: p.day, to: p.lastDay })), filters);
  const explanations = Object.fromEntries(spikes.map((p, i) => [p.x, explained[i]]));
  const onAxis = events.flatMap((e) => {
    const x = bucketKeyOf(series, e.day);
    return x === null || (filters.from && e.day < filters.from) || (filters.to && e.day > filters.to) ? [] : [{ ...e, x }];
  });
  const chartEvents = onAxis.map((e, i) => ({ number: i + 1, x: e.x, day: e.day, label: e.label, origin: e.origin, documents: e.documents }));
  const rising = new Map(trends.phrases.filter((p) => p.risingWeeks.length).map((p) => [p.key, p.risingWeeks]));

  const base = `/titles/${encodeURIComponent(title.slug)}`;
  const viewHref = (next: TimelineView) => withQuery(base, stateQuery({ filters, view: next }), "#timeline");
  const withFilters = (extra: ViewFilters, hash = "") => withQuery(base, stateQuery({ filters: { ...filters, ...extra }, view }), hash);
  const keep = stateQuery(state);
  const hidden: Record<string, string> = {};
  for (const key of ["axis", "bucket", "scale"] as const) if (view[key] !== DEFAULT_VIEW[key]) hidden[key] = view[key];
  const filtered = hasViewFilters(filters);
  const undated = summary.undatedDocuments;
  const themeNote = filters.phase || filters.aspect ? "The phase and aspect filters do not apply to this panel." : null;

  return (
    <>
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            <Link href="/">Titles</Link> /
          </div>
          <h1>{title.name}</h1>
          <p>
            {title.releaseDate ? `Release: ${formatDay(title.releaseDate)}` : "release date unknown"}
            {title.aliases.length ? ` · also known as ${title.aliases.join(", ")}` : ""}
          </p>
        </div>
        <div className="csv-links">
          <Link className="button-link" href={`/compare?titles=${encodeURIComponent(title.slug)}`}>
            Compare with other titles
          </Link>
          <CsvLink dataset="sentences" title={title.slug} filters={filters}>
            Sentences CSV
          </CsvLink>
        </div>
      </div>

      <FilterBar action={base} filters={filters} keep={hidden} sources={sources} dropped={state.dropped} clearHref={withQuery(base, stateQuery({ filters: {}, view }))} />

      <section aria-labelledby="scores-heading" className="scores">
        <h2 id="scores-heading" className="visually-hidden">
          Scores
        </h2>
        <ScoreCards
          scores={scores}
          links={{
            documents: (subset) => withFilters(subset, "#documents"),
            sentences: (subset) => csvHref("sentences", { ...filters, ...subset }, title.slug),
          }}
        />
        <p className="scores__note">
          <span data-testid="kpi-documents">{documents.total}</span> document{documents.total === 1 ? "" : "s"} in this view
          {flags.counts.copy ? ` (${flags.counts.copy} cop${flags.counts.copy === 1 ? "y" : "ies"} of the title counted once)` : ""}. Scores leave out copies
          and non-English documents; intervals are 95%.
        </p>
      </section>

      <div className="stack">
        <section className="card" id="timeline" aria-labelledby="timeline-heading">
          <div className="card__head">
            <div>
              <h2 id="timeline-heading">Timeline</h2>
              <p className="card__sub">
                {view.scale === "share" ? "Share of all tracked coverage" : "Documents"} {view.bucket === "day" ? "per day" : "per week"} by phase, and the mean
                stance of each phase.
                {undated > 0 ? ` ${undated} undated document${undated === 1 ? " is" : "s are"} not on the timeline.` : ""}
                {series.outside > 0
                  ? ` ${series.outside} document${series.outside === 1 ? " lies" : "s lie"} outside T−${RELATIVE_WINDOW.before} … T+${RELATIVE_WINDOW.after}: switch to calendar dates to see ${series.outside === 1 ? "it" : "them"}.`
                  : ""}
              </p>
            </div>
            <CsvLink dataset="timeline" title={title.slug} filters={filters}>
              Timeline CSV
            </CsvLink>
          </div>
          <TimelineControls view={series.axis === view.axis ? view : { ...view, axis: series.axis }} href={viewHref} hasRelease={Boolean(title.releaseDate)} />
          <TimelinePanel
            points={series.points}
            release={series.release}
            releaseDate={title.releaseDate}
            axis={series.axis}
            bucket={series.bucket}
            scale={view.scale}
            events={chartEvents}
            hiddenEvents={events.length - chartEvents.length}
            explanations={explanations}
          />
          <TimelineTable series={series} />
        </section>

        <section className="card" aria-labelledby="hype-heading">
          <div className="card__head">
            <div>
              <h2 id="hype-heading">Hype index</h2>
              <p className="card__sub">
                Before release: volume × mean stance of the coverage, plus excitement signals (&ldquo;can&apos;t wait&rdquo;, &ldquo;promises&rdquo;)
                {view.scale === "share" ? ", per 100 documents tracked in the same period" : ""}.
              </p>
            </div>
            <CsvLink dataset="timeline" title={title.slug} filters={filters}>
              Hype CSV
            </CsvLink>
          </div>
          <HypeChart points={series.points} release={series.release} releaseDate={title.releaseDate} axis={series.axis} bucket={series.bucket} scale={view.scale} />
        </section>

        <section className="card" aria-labelledby="aspects-heading">
          <div className="card__head">
            <div>
              <h2 id="aspects-heading">Did it deliver? Aspects before and after release</h2>
              <p className="card__sub">
                Anticipation vs reception per aspect, and the gap.{themeNote ? ` ${themeNote}` : ""}
              </p>
            </div>
            <CsvLink dataset="aspects" title={title.slug} filters={filters}>
              Aspects CSV
            </CsvLink>
          </div>
          <AspectsChart comparison={aspects} aspectHref={(key) => withFilters({ aspect: key as ViewFilters["aspect"] }, "#documents")} />
        </section>

        <div className="grid-2 grid-2--even">
          <section className="card" aria-labelledby="keyphrases-heading">
            <div className="card__head">
              <div>
                <h2 id="keyphrases-heading">Top keyphrases</h2>
                <p className="card__sub">Ranked by the documents that use them; × counts every mention; ↑ marks a phrase rising in a week.</p>
              </div>
              <CsvLink dataset="keyphrases" title={title.slug} filters={filters}>
                Keyphrases CSV
              </CsvLink>
            </div>
            <KeyphraseList keyphrases={keyphrases} rising={rising} />
          </section>

          <section className="card" aria-labelledby="people-heading">
            <div className="card__head">
              <div>
                <h2 id="people-heading">People</h2>
                <p className="card__sub">Cast, crew and studios named in the coverage.{themeNote ? ` ${themeNote}` : ""}</p>
              </div>
              <CsvLink dataset="people" title={title.slug} filters={filters}>
                People CSV
              </CsvLink>
            </div>
            <PeopleList people={people} />
          </section>
        </div>

        <div className="grid-2 grid-2--even">
          <section className="card" aria-labelledby="claims-heading">
            <div className="card__head">
              <div>
                <h2 id="claims-heading">Fact check</h2>
                <p className="card__sub">What sources state about the film, compared with each other and the registered release date.</p>
              </div>
              <div className="csv-links">
                <CsvLink dataset="conflicts" title={title.slug} filters={filters}>
                  Conflicts CSV
                </CsvLink>
                <CsvLink dataset="claims" title={title.slug} filters={filters}>
                  Claims CSV
                </CsvLink>
              </div>
            </div>
            <ClaimConflicts conflicts={conflicts} />
          </section>

          <section className="card" aria-labelledby="flags-heading">
            <div className="card__head">
              <div>
                <h2 id="flags-heading">Flags</h2>
                <p className="card__sub">Documents to weigh before trusting them. All of the title&apos;s coverage.</p>
              </div>
            </div>
            <FlagsPanel flags={flags} />
          </section>
        </div>

        <section className="card" id="documents" aria-labelledby="documents-heading">
          <div className="card__head">
            <div>
              <h2 id="documents-heading">Documents</h2>
              <p className="card__sub">Open a document to see how each of its sentences was scored.</p>
            </div>
            <CsvLink dataset="documents" title={title.slug} filters={filters}>
              Documents table CSV
            </CsvLink>
          </div>
          <DocumentsTable slug={title.slug} documents={documents} params={table} keep={keep} filtered={filtered} />
        </section>
      </div>
    </>
  );
}

/** The days the timeline axis can cover: the coverage, and the relative window around release. */
function trackedSpan(days: string[], releaseDate: string | null): { from: string; to: string } | null {
  const candidates = [...days];
  if (releaseDate) candidates.push(addDays(releaseDate, -RELATIVE_WINDOW.before - 7), addDays(releaseDate, RELATIVE_WINDOW.after + 7));
  if (candidates.length === 0) return null;
  candidates.sort();
  return { from: candidates[0], to: candidates[candidates.length - 1] };
}
