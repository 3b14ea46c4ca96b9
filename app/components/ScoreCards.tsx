// The KPI cards of a title (title page, compare page): every score with its n and 95% interval,
// "not enough coverage" below MIN_N, and links to the documents and sentences it came from.
import Link from "next/link";
import { MIN_N } from "@/lib/metrics";
import type { TitleScoresRow } from "@/lib/queries/getTitleScores";
import { formatSigned } from "./format";

export interface ScoreLinks {
  /** The documents table filtered to what a card counts. */
  documents: (subset: { kind?: "review"; phase: "anticipation" | "reception" }) => string;
  /** The sentences CSV of the same documents. */
  sentences: (subset: { kind?: "review"; phase: "anticipation" | "reception" }) => string;
}

const REVIEWS = { kind: "review", phase: "reception" } as const;
const ANTICIPATION = { phase: "anticipation" } as const;

export function ScoreCards({ scores, links, compact = false }: { scores: TitleScoresRow; links: ScoreLinks; compact?: boolean }) {
  const { receptionPositive: rp, receptionAverage: ra, anticipationAverage: aa, hype } = scores;
  return (
    <div className={`kpis${compact ? " kpis--compact" : ""}`}>
      <div className="card kpi" data-testid="kpi-reception-positive">
        <div className="kpi__label">Reception · % positive</div>
        {rp.share !== null && rp.low !== null && rp.high !== null ? (
          <>
            <div className="kpi__value">{Math.round(rp.share * 100)}%</div>
            <div className="kpi__ci">95% CI {Math.round(rp.low * 100)}–{Math.round(rp.high * 100)}%</div>
          </>
        ) : (
          <Insufficient n={rp.n} unit="reviews" />
        )}
        <div className="kpi__note">
          <Link href={links.documents(REVIEWS)}>
            {rp.successes} of {rp.n} review{rp.n === 1 ? "" : "s"}
          </Link>{" "}
          positive · <a href={links.sentences(REVIEWS)}>sentences CSV</a>
        </div>
      </div>
      <div className="card kpi" data-testid="kpi-reception-average">
        <div className="kpi__label">Reception · 0–100</div>
        {ra.mean !== null && ra.low !== null && ra.high !== null ? (
          <>
            <div className="kpi__value">{Math.round(ra.mean)}</div>
            <div className="kpi__ci">95% CI {Math.round(ra.low)}–{Math.round(ra.high)}</div>
          </>
        ) : (
          <Insufficient n={ra.n} unit="reviews" />
        )}
        <div className="kpi__note">
          Mean review stance, <Link href={links.documents(REVIEWS)}>n = {ra.n}</Link> · <a href={links.sentences(REVIEWS)}>sentences CSV</a>
        </div>
      </div>
      <div className="card kpi" data-testid="kpi-hype">
        <div className="kpi__label">Hype index</div>
        {hype.index !== null ? <div className="kpi__value">{formatSigned(hype.index)}</div> : <Insufficient n={hype.n} unit="documents" />}
        <div className="kpi__note">
          <Link href={links.documents(ANTICIPATION)}>
            n = {hype.n} anticipation document{hype.n === 1 ? "" : "s"}
          </Link>{" "}
          · {hype.excitement} excitement signal{hype.excitement === 1 ? "" : "s"} · <a href={links.sentences(ANTICIPATION)}>sentences CSV</a>
        </div>
      </div>
      <div className="card kpi" data-testid="kpi-gap">
        <div className="kpi__label">Expectation gap</div>
        {scores.expectationGap !== null ? (
          <>
            <div className="kpi__value">
              {formatSigned(scores.expectationGap, 0)} <span className="kpi__unit">pts</span>
            </div>
            <div className="kpi__ci">{scores.expectationGap >= 0 ? "received warmer than anticipated" : "received cooler than anticipated"}</div>
          </>
        ) : (
          <Insufficient n={Math.min(ra.n, aa.n)} unit={ra.n < aa.n ? "reviews" : "documents"} />
        )}
        <div className="kpi__note">
          Reception {ra.mean === null ? "–" : Math.round(ra.mean)} (<Link href={links.documents(REVIEWS)}>n = {ra.n}</Link>) − anticipation{" "}
          {aa.mean === null ? "–" : Math.round(aa.mean)} (<Link href={links.documents(ANTICIPATION)}>n = {aa.n}</Link>), 0–100
        </div>
      </div>
    </div>
  );
}

function Insufficient({ n, unit }: { n: number; unit: string }) {
  return (
    <div className="kpi__insufficient">
      not enough coverage{" "}
      <span className="stance__n">
        (n = {n} {unit}; needs {MIN_N})
      </span>
    </div>
  );
}
