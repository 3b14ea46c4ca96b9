// Internal to lib/queries: the view filters (lib/filters.ts) as SQL over a documents table aliased
// `d`. Copies and documents in another language never count (see lib/metrics.ts, "Scores with
// honesty"): they are left out here, whatever the filters.
import { Prisma } from "../generated/prisma/client";
import type { ViewFilters } from "../filters";

export function viewConditions(filters: ViewFilters): Prisma.Sql {
  const from = filters.from ?? null;
  const to = filters.to ?? null;
  const kind = filters.kind ?? null;
  const phase = filters.phase ?? null;
  const source = filters.source ?? null;
  const aspect = filters.aspect ?? null;
  return Prisma.sql`d.duplicate_of_id is null and d.language = 'en'
    and (${from}::date is null or d.published_at >= ${from}::date)
    and (${to}::date is null or d.published_at <= ${to}::date)
    and (${kind}::text is null or d.kind::text = ${kind}::text)
    and (${phase}::text is null or d.phase::text = ${phase}::text)
    and (${source}::text is null or d.source_id = (select id from sources where name = ${source}::text))
    and (${aspect}::text is null or exists (select 1 from sentences sa where sa.document_id = d.id and ${aspect}::text = any(sa.aspects)))`;
}

/** True when the filters are all dimensions of title_daily_stats (dates, kind, phase): the rollup can answer. */
export function rollupAnswers(filters: ViewFilters): boolean {
  return !filters.source && !filters.aspect;
}

/**
 * A title's (or, with `slug` null, every title's) English originals with a known phase under the view filters, as rows of
 * (day, phase, kind, documents, stance_sum, stance_sq, excitement, positive): read from the
 * title_daily_stats rollup when the filters allow (a few hundred rows at any corpus size), else
 * one row per document. Undated documents (day null) come from the documents either way, and only
 * when asked for: a timeline cannot place them.
 */
export function stanceRows(slug: string | null, filters: ViewFilters, { undated }: { undated: boolean }): Prisma.Sql {
  const ofTitle = Prisma.sql`(${slug}::text is null or t.slug = ${slug}::text)`;
  // One row per document, those `dated` picks: the fallback, and where the rollup has no row.
  const perDocument = (dated: Prisma.Sql) => Prisma.sql`
      select d.published_at as day, d.phase, d.kind, 1 as documents, d.stance_score as stance_sum,
             d.stance_score * d.stance_score as stance_sq, d.excitement, (d.stance_label = 'positive')::int as positive
        from documents d join titles t on t.id = d.title_id
       where ${ofTitle} and d.phase is not null and ${dated} and ${viewConditions(filters)}`;
  if (!rollupAnswers(filters)) return perDocument(undated ? Prisma.sql`true` : Prisma.sql`d.published_at is not null`);
  const from = filters.from ?? null;
  const to = filters.to ?? null;
  const kind = filters.kind ?? null;
  const phase = filters.phase ?? null;
  const rollup = Prisma.sql`
      select st.day, st.phase, st.kind, st.documents, st.stance_sum, st.stance_sq, st.excitement, st.positive
        from title_daily_stats st join titles t on t.id = st.title_id
       where ${ofTitle}
         and (${from}::date is null or st.day >= ${from}::date)
         and (${to}::date is null or st.day <= ${to}::date)
         and (${kind}::text is null or st.kind::text = ${kind}::text)
         and (${phase}::text is null or st.phase::text = ${phase}::text)`;
  return undated ? Prisma.sql`${rollup} union all ${perDocument(Prisma.sql`d.published_at is null`)}` : rollup;
}
