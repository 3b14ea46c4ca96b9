import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTimeline } from "@/lib/queries/getTimeline";
import { getTitleDocuments } from "@/lib/queries/getTitleDocuments";
import { getTitleSummary } from "@/lib/queries/getTitleSummary";
import { getTopKeyphrases } from "@/lib/queries/getTopKeyphrases";
import { TimelineChart } from "@/app/components/charts/TimelineChart";
import { CsvLink } from "@/app/components/CsvLink";
import { formatDay } from "@/app/components/format";
import { StanceValue } from "@/app/components/StanceValue";
import { DocumentsTable } from "./DocumentsTable";
import { KeyphraseList } from "./KeyphraseList";
import { loadTitle } from "./loadTitle";
import { DOCUMENTS_PAGE_SIZE, parseTableParams } from "./tableParams";

export const dynamic = "force-dynamic";

const KEYPHRASE_LIMIT = 15;

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
  const table = parseTableParams(await searchParams);
  const [summary, timeline, keyphrases, documents] = await Promise.all([
    getTitleSummary(title.id),
    getTimeline(title.slug, {}),
    getTopKeyphrases(title.slug, {}, KEYPHRASE_LIMIT),
    getTitleDocuments(title.id, { ...table, pageSize: DOCUMENTS_PAGE_SIZE }),
  ]);
  const dated = summary.documents - summary.undatedDocuments;

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
        <div className="csv-links" aria-label="CSV exports">
          <CsvLink dataset="sentences" title={title.slug}>Sentences CSV</CsvLink>
        </div>
      </div>

      <section className="kpis" aria-label="Key figures">
        <div className="card kpi">
          <div className="kpi__label">Documents</div>
          <div className="kpi__value" data-testid="kpi-documents">{summary.documents}</div>
          <div className="kpi__note">
            {summary.articles} articles · {summary.reviews} reviews · {summary.undatedDocuments} undated
          </div>
        </div>
        <div className="card kpi">
          <div className="kpi__label">Reviews</div>
          <div className="kpi__value">{summary.reviews}</div>
          <div className="kpi__note">
            {summary.anticipation.n} anticipation · {summary.reception.n} reception documents
          </div>
        </div>
        <div className="card kpi">
          <div className="kpi__label">Reception stance</div>
          <StanceValue stance={summary.reception} />
          <div className="kpi__note">Mean document stance on or after release</div>
        </div>
        <div className="card kpi">
          <div className="kpi__label">Anticipation stance</div>
          <StanceValue stance={summary.anticipation} />
          <div className="kpi__note">Mean document stance before release</div>
        </div>
      </section>

      <div className="stack">
        <section className="card" aria-labelledby="timeline-heading">
          <div className="card__head">
            <div>
              <h2 id="timeline-heading">Timeline</h2>
              <p className="card__sub">
                Documents per day by phase, and the day&apos;s mean stance of each phase.
                {summary.undatedDocuments > 0
                  ? ` ${summary.undatedDocuments} undated document${summary.undatedDocuments === 1 ? " is" : "s are"} not on the timeline (${dated} dated).`
                  : ""}
              </p>
            </div>
            <CsvLink dataset="timeline" title={title.slug}>Timeline CSV</CsvLink>
          </div>
          <TimelineChart rows={timeline} releaseDate={title.releaseDate} />
        </section>

        <section className="card" aria-labelledby="keyphrases-heading">
          <div className="card__head">
            <div>
              <h2 id="keyphrases-heading">Top keyphrases</h2>
              <p className="card__sub">Ranked by the number of documents that use them; × counts every mention.</p>
            </div>
            <CsvLink dataset="keyphrases" title={title.slug}>Keyphrases CSV</CsvLink>
          </div>
          <KeyphraseList keyphrases={keyphrases} />
        </section>

        <section className="card" id="documents" aria-labelledby="documents-heading">
          <div className="card__head">
            <div>
              <h2 id="documents-heading">Documents</h2>
              <p className="card__sub">Open a document to see how each of its sentences was scored.</p>
            </div>
            <CsvLink dataset="documents" title={title.slug}>Documents table CSV</CsvLink>
          </div>
          <DocumentsTable slug={title.slug} documents={documents} params={table} />
        </section>
      </div>
    </>
  );
}
