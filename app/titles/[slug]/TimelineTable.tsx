import { bucketName } from "@/app/components/charts/bucketLabels";
import type { TimelineSeries } from "@/app/components/charts/timelineSeries";
import { formatSigned, formatStance } from "@/app/components/format";

/** The timeline's numbers without the picture: one row per bucket with coverage. */
export function TimelineTable({ series }: { series: TimelineSeries }) {
  const rows = series.points.filter((p) => p.documents > 0);
  return (
    <details className="table-view">
      <summary>Table view ({rows.length} {series.bucket === "day" ? "days" : "weeks"} with coverage)</summary>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Timeline table (scrolls sideways on small screens)">
        <table className="data">
          <caption className="visually-hidden">Timeline numbers per {series.bucket}</caption>
          <thead>
            <tr>
              <th scope="col">{series.bucket === "day" ? "Day" : "Week"}</th>
              <th scope="col" className="num">Anticipation docs</th>
              <th scope="col" className="num">Reception docs</th>
              <th scope="col" className="num">Share of tracked</th>
              <th scope="col" className="num">Anticipation stance</th>
              <th scope="col" className="num">Reception stance</th>
              <th scope="col" className="num">Hype</th>
              <th scope="col">Spike</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.x}>
                <th scope="row" className="nowrap">{bucketName(p, series.axis, series.bucket)}</th>
                <td className="num">{p.anticipation}</td>
                <td className="num">{p.reception}</td>
                <td className="num">{p.share === null ? "–" : `${p.share.toFixed(1)}% of ${p.tracked}`}</td>
                <td className="num">{p.anticipationStance === null ? "–" : `${formatStance(p.anticipationStance)} (n = ${p.anticipationN})`}</td>
                <td className="num">{p.receptionStance === null ? "–" : `${formatStance(p.receptionStance)} (n = ${p.receptionN})`}</td>
                <td className="num">{p.anticipationN ? formatSigned(p.hype, 2) : "–"}</td>
                <td>{p.spike ? "▲ spike" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
