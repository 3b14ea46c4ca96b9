// The chart exports: the rows the title page's charts draw, through the chart's own query so the
// two cannot disagree. Loaded on demand by datasets.ts: these queries bring in Prisma, which a
// process exporting only documents or sentences never needs.
import type { Readable } from "node:stream";
import { daysBetween } from "../calendar";
import { hypeIndex, perTrackedCoverage } from "../metrics";
import { getTrackedCoverage } from "../queries/getTrackedCoverage";
import { type TimelineRow, getTimeline } from "../queries/getTimeline";
import { type KeyphraseRow, getTopKeyphrases } from "../queries/getTopKeyphrases";
import { getKeyphraseTrends } from "../queries/getKeyphraseTrends";
import { type AspectComparisonRow, getAspectComparison } from "../queries/getAspectComparison";
import { type ClaimKindRow, type ClaimQuote, type ClaimValueRow, getClaimConflicts } from "../queries/getClaimConflicts";
import { type TitlePersonRow, getTitlePeople } from "../queries/getTitlePeople";
import { type TitleRecord, listTitles } from "../store/titles";
import { type Column, csvStream, round } from "./csv";
import { type ChartDataset, type ExportFilters, KEYPHRASE_TREND_LIMIT } from "./datasets";

/** The titles an export covers: the one asked for, or all of them. */
async function titlesFor(filters: ExportFilters): Promise<TitleRecord[]> {
  const titles = await listTitles();
  return filters.title ? titles.filter((t) => t.slug === filters.title) : titles;
}

type TimelineExportRow = TimelineRow & { title_slug: string; days_from_release: number | null; tracked: number };

export const TIMELINE_COLUMNS: Column<TimelineExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "day", value: (r) => r.day },
  { name: "days_from_release", value: (r) => r.days_from_release },
  { name: "documents", value: (r) => r.documents },
  { name: "anticipation_articles", value: (r) => r.anticipationArticles },
  { name: "anticipation_reviews", value: (r) => r.anticipationReviews },
  { name: "reception_articles", value: (r) => r.receptionArticles },
  { name: "reception_reviews", value: (r) => r.receptionReviews },
  { name: "anticipation_n", value: (r) => r.anticipationN },
  { name: "anticipation_stance", value: (r) => (r.anticipationStance === null ? null : round(r.anticipationStance)) },
  { name: "reception_n", value: (r) => r.receptionN },
  { name: "reception_stance", value: (r) => (r.receptionStance === null ? null : round(r.receptionStance)) },
  // Hype and the normalised view (lib/metrics.ts): the title page's hype chart and its "share" scale.
  { name: "excitement_signals", value: (r) => r.excitement },
  { name: "hype_index", value: (r) => round(hypeIndex({ documents: r.anticipationN, stanceSum: r.anticipationStanceSum, excitement: r.excitement })) },
  { name: "tracked_documents", value: (r) => r.tracked },
  { name: "share_of_tracked_percent", value: (r) => nullableRound(perTrackedCoverage(r.documents, r.tracked)) },
];

/** The same rows the timeline chart draws (getTimeline), one block per title. */
async function* timelineRows(filters: ExportFilters): AsyncGenerator<TimelineExportRow> {
  for (const title of await titlesFor(filters)) {
    const rows = await getTimeline(title.slug, filters);
    if (rows.length === 0) continue;
    const tracked = new Map((await getTrackedCoverage(rows[0].day, rows[rows.length - 1].day, filters)).map((t) => [t.day, t.documents]));
    for (const row of rows) {
      yield {
        ...row,
        title_slug: title.slug,
        days_from_release: title.releaseDate ? daysBetween(title.releaseDate, row.day) : null,
        tracked: Math.max(tracked.get(row.day) ?? 0, row.documents),
      };
    }
  }
}

type KeyphraseExportRow = KeyphraseRow & { title_slug: string; rising_weeks: string[] };

export const KEYPHRASE_COLUMNS: Column<KeyphraseExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "keyphrase", value: (r) => r.text },
  { name: "key", value: (r) => r.key },
  { name: "documents", value: (r) => r.documents },
  { name: "mentions", value: (r) => r.mentions },
  { name: "rising_weeks", value: (r) => r.rising_weeks.join(" ") },
];

/** Keyphrases per title, ranked as on the title page (getTopKeyphrases), up to 500 each. */
async function* keyphraseRows(filters: ExportFilters): AsyncGenerator<KeyphraseExportRow> {
  for (const title of await titlesFor(filters)) {
    const { phrases } = await getKeyphraseTrends(title.slug, KEYPHRASE_TREND_LIMIT);
    const rising = new Map(phrases.map((p) => [p.key, p.risingWeeks]));
    for (const row of await getTopKeyphrases(title.slug, filters, 500)) yield { ...row, title_slug: title.slug, rising_weeks: rising.get(row.key) ?? [] };
  }
}

// --- Themes: the title page's aspects chart, people list and fact-conflict panel -----------------

const nullableRound = (n: number | null) => (n === null ? null : round(n));

/** The filters the theme queries understand (date range, kind, source): as on the title page. */
const themeFilters = (f: ExportFilters) => ({ from: f.from, to: f.to, kind: f.kind, source: f.source });

type AspectExportRow = AspectComparisonRow & { title_slug: string };

/** Per title and aspect: coverage, and per phase n, mean and 95% interval (blank below MIN_N), and the gap. */
export const ASPECT_COLUMNS: Column<AspectExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "aspect", value: (r) => r.key },
  { name: "label", value: (r) => r.label },
  { name: "rank", value: (r) => r.rank },
  { name: "mentions", value: (r) => r.mentions },
  { name: "anticipation_n", value: (r) => r.anticipation.n },
  { name: "anticipation_mean", value: (r) => nullableRound(r.anticipation.mean) },
  { name: "anticipation_low", value: (r) => nullableRound(r.anticipation.low) },
  { name: "anticipation_high", value: (r) => nullableRound(r.anticipation.high) },
  { name: "anticipation_positive", value: (r) => r.anticipation.positive },
  { name: "anticipation_negative", value: (r) => r.anticipation.negative },
  { name: "reception_n", value: (r) => r.reception.n },
  { name: "reception_mean", value: (r) => nullableRound(r.reception.mean) },
  { name: "reception_low", value: (r) => nullableRound(r.reception.low) },
  { name: "reception_high", value: (r) => nullableRound(r.reception.high) },
  { name: "reception_positive", value: (r) => r.reception.positive },
  { name: "reception_negative", value: (r) => r.reception.negative },
  { name: "gap", value: (r) => nullableRound(r.gap) },
  { name: "enough_coverage", value: (r) => r.anticipation.enoughCoverage && r.reception.enoughCoverage },
];

/** The rows of the aspects chart (getAspectComparison), one block per title. */
async function* aspectRows(filters: ExportFilters): AsyncGenerator<AspectExportRow> {
  for (const title of await titlesFor(filters)) {
    const { aspects } = await getAspectComparison(title.slug, themeFilters(filters));
    for (const row of aspects) yield { ...row, title_slug: title.slug };
  }
}

type PersonExportRow = TitlePersonRow & { title_slug: string };

export const PEOPLE_COLUMNS: Column<PersonExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "name", value: (r) => r.name },
  { name: "key", value: (r) => r.key },
  { name: "kind", value: (r) => r.kind },
  { name: "documents", value: (r) => r.documents },
  { name: "mentions", value: (r) => r.mentions },
  { name: "evaluative_mentions", value: (r) => r.evaluativeMentions },
  { name: "mean_score", value: (r) => nullableRound(r.meanScore) },
];

/** People per title as on the title page (getTitlePeople), up to 500 each. */
async function* peopleRows(filters: ExportFilters): AsyncGenerator<PersonExportRow> {
  for (const title of await titlesFor(filters)) {
    for (const row of await getTitlePeople(title.slug, themeFilters(filters), 500)) yield { ...row, title_slug: title.slug };
  }
}

type ClaimExportRow = ClaimQuote & { title_slug: string; kind: string; value: string; display: string; agrees: boolean | null };

/** Every claim behind the conflict panel: one row per quote. */
export const CLAIM_COLUMNS: Column<ClaimExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "kind", value: (r) => r.kind },
  { name: "value", value: (r) => r.value },
  { name: "display", value: (r) => r.display },
  { name: "agrees_with_registered", value: (r) => r.agrees },
  { name: "document_id", value: (r) => r.documentId },
  { name: "sentence_index", value: (r) => r.sentenceIndex },
  { name: "published_at", value: (r) => r.publishedAt },
  { name: "source", value: (r) => r.source },
  { name: "headline", value: (r) => r.headline },
  { name: "quote", value: (r) => r.quote },
];

async function* claimRows(filters: ExportFilters): AsyncGenerator<ClaimExportRow> {
  for (const title of await titlesFor(filters)) {
    const { kinds } = await getClaimConflicts(title.slug, themeFilters(filters));
    for (const kind of kinds) {
      for (const value of kind.values) {
        for (const quote of value.quotes) {
          yield { ...quote, title_slug: title.slug, kind: kind.kind, value: value.value, display: value.display, agrees: value.agreesWithRelease };
        }
      }
    }
  }
}

type ConflictExportRow = ClaimValueRow & Pick<ClaimKindRow, "kind" | "conflict"> & { title_slug: string; registered: string | null };

/** Per title, claim kind and stated value: how many documents say it, and whether it matches the registered date. */
export const CONFLICT_COLUMNS: Column<ConflictExportRow>[] = [
  { name: "title_slug", value: (r) => r.title_slug },
  { name: "kind", value: (r) => r.kind },
  { name: "conflict", value: (r) => r.conflict },
  { name: "value", value: (r) => r.value },
  { name: "display", value: (r) => r.display },
  { name: "documents", value: (r) => r.documents },
  { name: "document_ids", value: (r) => r.documentIds.join(" ") },
  { name: "registered_release_date", value: (r) => r.registered },
  { name: "agrees_with_registered", value: (r) => r.agreesWithRelease },
];

async function* conflictRows(filters: ExportFilters): AsyncGenerator<ConflictExportRow> {
  for (const title of await titlesFor(filters)) {
    const { kinds, releaseDate } = await getClaimConflicts(title.slug, themeFilters(filters));
    for (const kind of kinds) {
      for (const value of kind.values) yield { ...value, kind: kind.kind, conflict: kind.conflict, title_slug: title.slug, registered: releaseDate };
    }
  }
}

export function chartCsv(dataset: ChartDataset, filters: ExportFilters): Readable {
  switch (dataset) {
    case "timeline":
      return csvStream(timelineRows(filters), TIMELINE_COLUMNS);
    case "keyphrases":
      return csvStream(keyphraseRows(filters), KEYPHRASE_COLUMNS);
    case "aspects":
      return csvStream(aspectRows(filters), ASPECT_COLUMNS);
    case "people":
      return csvStream(peopleRows(filters), PEOPLE_COLUMNS);
    case "claims":
      return csvStream(claimRows(filters), CLAIM_COLUMNS);
    case "conflicts":
      return csvStream(conflictRows(filters), CONFLICT_COLUMNS);
  }
}
