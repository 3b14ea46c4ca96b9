import Link from "next/link";
import { getOverview, type OverviewRow } from "@/lib/queries/getOverview";
import { getTimeline } from "@/lib/queries/getTimeline";
import { type TitleScoresRow, getTitleScores } from "@/lib/queries/getTitleScores";
import { buildTimelineSeries } from "./components/charts/timelineSeries";
import { HypeSparkline, type SparkPoint } from "./components/HypeSparkline";
import { formatSigned } from "./components/format";
import { formatCount, formatDay, formatTimestamp } from "./components/format";
import { StanceValue } from "./components/StanceValue";
import { StatePanel } from "./components/StatePanel";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const titles = await getOverview();
  // Per title: its scores and weekly hype (two aggregate queries each; the overview lists a handful of titles).
  const extras = await Promise.all(titles.map((t) => titleExtras(t)));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Titles</h1>
          <p>Anticipation before release, reception after: every tracked title and how its coverage leans.</p>
        </div>
      </div>
      {titles.length === 0 ? (
        <StatePanel state="empty" title="No titles yet">
          <p>
            Load articles and reviews with <code>npm run ingest -- &lt;file|folder&gt;</code>, or run{" "}
            <code>npm start</code> to explore the demo corpus.
          </p>
        </StatePanel>
      ) : (
        <div className="title-grid">
          {titles.map((title, i) => (
            <TitleCard key={title.id} title={title} {...extras[i]} />
          ))}
        </div>
      )}
    </>
  );
}

async function titleExtras(title: OverviewRow): Promise<{ scores: TitleScoresRow; hype: SparkPoint[] }> {
  const [scores, rows] = await Promise.all([getTitleScores(title.slug, {}), getTimeline(title.slug, { phase: "anticipation" })]);
  const { points } = buildTimelineSeries(rows, null, { bucket: "week" });
  return { scores, hype: points.map((p) => ({ day: p.day, hype: p.hype })) };
}

function TitleCard({ title, scores, hype }: { title: OverviewRow; scores: TitleScoresRow; hype: SparkPoint[] }) {
  const rp = scores.receptionPositive;
  return (
    <article className="card title-card" aria-labelledby={`title-${title.id}`}>
      <div>
        <h2 id={`title-${title.id}`}>
          <Link href={`/titles/${title.slug}`}>{title.name}</Link>
        </h2>
        <p className="title-card__release">
          {title.releaseDate ? `Release: ${formatDay(title.releaseDate)}` : "release date unknown"}
        </p>
      </div>
      <div className="phase-pair">
        <div className="phase-box phase-box--anticipation">
          <div className="phase-box__label">Anticipation</div>
          <StanceValue stance={title.anticipation} />
        </div>
        <div className="phase-box phase-box--reception">
          <div className="phase-box__label">Reception</div>
          <StanceValue stance={title.reception} />
        </div>
      </div>
      <div className="title-card__scores">
        <div>
          <div className="phase-box__label">Reception score</div>
          {rp.share !== null ? (
            <span className="title-card__score">
              {Math.round(rp.share * 100)}% positive <span className="stance__n">(n = {rp.n})</span>
            </span>
          ) : (
            <span className="muted small">
              not enough coverage <span className="stance__n">(n = {rp.n})</span>
            </span>
          )}
        </div>
        <div>
          <div className="phase-box__label">Expectation gap</div>
          {scores.expectationGap !== null ? (
            <span className="title-card__score">{formatSigned(scores.expectationGap, 0)} pts</span>
          ) : (
            <span className="muted small">not enough coverage</span>
          )}
        </div>
        <div className="title-card__spark">
          <div className="phase-box__label">Hype per week</div>
          <HypeSparkline points={hype} titleName={title.name} />
        </div>
      </div>
      <ul className="counts" aria-label="Document counts">
        <li>
          <strong>{title.documents}</strong> {title.documents === 1 ? "document" : "documents"}
        </li>
        <li>
          <strong>{title.articles}</strong> {title.articles === 1 ? "article" : "articles"}
        </li>
        <li>
          <strong>{title.reviews}</strong> {title.reviews === 1 ? "review" : "reviews"}
        </li>
        <li>
          <strong>{title.anticipationDocuments}</strong> anticipation
        </li>
        <li>
          <strong>{title.receptionDocuments}</strong> reception
        </li>
        <li>
          <strong>{title.undatedDocuments}</strong> undated
        </li>
        {title.unknownPhaseDocuments > 0 ? (
          <li>
            <strong>{title.unknownPhaseDocuments}</strong> phase unknown
          </li>
        ) : null}
      </ul>
      <div className="title-card__foot">
        <span>
          {title.lastIngestAt ? `Last ingest ${formatTimestamp(title.lastIngestAt)}` : "Nothing ingested yet"}
        </span>
        <Link href={`/titles/${title.slug}`} aria-label={`Open ${title.name}: ${formatCount(title.documents, "document")}`}>
          Open →
        </Link>
      </div>
    </article>
  );
}
