// "Did it deliver?" per aspect: anticipation vs reception as diverging bars from 0 (−1 … +1, the
// mean score of the evaluative sentences about the aspect), each with its n and 95% interval, and
// the gap. A table underneath the bars, so the numbers read without the picture too.
import Link from "next/link";
import type { AspectComparison, AspectPhaseStats } from "@/lib/queries/getAspectComparison";
import { MIN_N } from "@/lib/metrics";
import { formatStance } from "@/app/components/format";

export function AspectsChart({ comparison, aspectHref }: { comparison: AspectComparison; aspectHref: (key: string) => string }) {
  const covered = comparison.aspects.filter((a) => a.mentions > 0);
  const silent = comparison.aspects.length - covered.length;
  return (
    <>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Aspects table (scrolls sideways on small screens)">
        <table className="data aspects">
          <caption className="visually-hidden">
            Mean sentence score per aspect before release (anticipation) and after (reception), from −1 to +1, with n and the gap
          </caption>
          <thead>
            <tr>
              <th scope="col">Aspect</th>
              <th scope="col">
                <span className="aspects__scale" aria-hidden="true">
                  <span>−1</span>
                  <span>0</span>
                  <span>+1</span>
                </span>
                <span className="visually-hidden">Anticipation and reception mean score</span>
              </th>
              <th scope="col" className="num">Gap</th>
            </tr>
          </thead>
          <tbody>
            <tr className="aspects__overall">
              <th scope="row">All evaluative sentences</th>
              <td>
                <PhaseBar phase="anticipation" stats={comparison.overall.anticipation} />
                <PhaseBar phase="reception" stats={comparison.overall.reception} />
              </td>
              <td className="num">{gapText(comparison.overall.gap)}</td>
            </tr>
            {covered.map((a) => (
              <tr key={a.key} data-testid="aspect-row">
                <th scope="row">
                  <Link href={aspectHref(a.key)} title={`${a.description} Show the documents that mention it.`}>
                    {a.label}
                  </Link>
                  <div className="muted small">{a.mentions} mention{a.mentions === 1 ? "" : "s"}</div>
                </th>
                <td>
                  <PhaseBar phase="anticipation" stats={a.anticipation} />
                  <PhaseBar phase="reception" stats={a.reception} />
                </td>
                <td className="num">{gapText(a.gap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Bars: mean score of the evaluative sentences about the aspect; the thin line is its 95% interval. Below n = {MIN_N} sentences no
        bar is drawn. Gap: reception minus anticipation.
        {silent > 0 ? ` ${silent} aspect${silent === 1 ? " is" : "s are"} not mentioned in this view.` : ""}
      </p>
    </>
  );
}

function PhaseBar({ phase, stats }: { phase: "anticipation" | "reception"; stats: AspectPhaseStats }) {
  const name = phase === "anticipation" ? "Anticipation" : "Reception";
  if (stats.mean === null || stats.low === null || stats.high === null) {
    return (
      <div className={`aspect-bar aspect-bar--${phase} aspect-bar--insufficient`}>
        <span className="aspect-bar__track" aria-hidden="true" />
        <span className="aspect-bar__value">
          {name}: {stats.n === 0 ? "no sentences" : `not enough coverage (n = ${stats.n})`}
        </span>
      </div>
    );
  }
  const pos = (v: number) => `${((v + 1) / 2) * 100}%`;
  const left = stats.mean >= 0 ? "50%" : pos(stats.mean);
  const width = `${(Math.abs(stats.mean) / 2) * 100}%`;
  return (
    <div className={`aspect-bar aspect-bar--${phase}`}>
      <span className="aspect-bar__track" aria-hidden="true">
        <span className="aspect-bar__fill" style={{ left, width }} />
        <span className="aspect-bar__ci" style={{ left: pos(stats.low), width: `${((stats.high - stats.low) / 2) * 100}%` }} />
      </span>
      <span className="aspect-bar__value">
        {name} {formatStance(stats.mean)} <span className="muted">(n = {stats.n}, {formatStance(stats.low)} … {formatStance(stats.high)})</span>
      </span>
    </div>
  );
}

function gapText(gap: number | null) {
  return gap === null ? <span className="muted">–</span> : formatStance(gap);
}
