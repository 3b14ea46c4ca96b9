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
