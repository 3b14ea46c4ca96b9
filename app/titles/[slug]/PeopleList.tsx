import type { TitlePersonRow } from "@/lib/queries/getTitlePeople";
import { MIN_N } from "@/lib/metrics";
import { StatePanel } from "@/app/components/StatePanel";
import { formatStance } from "@/app/components/format";

/** Cast, crew and studios the coverage names, with how the evaluative sentences about them lean. */
export function PeopleList({ people }: { people: TitlePersonRow[] }) {
  if (people.length === 0) return <StatePanel state="empty" title="No people named in this view" compact />;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="People table (scrolls sideways on small screens)">
      <table className="data">
        <caption className="visually-hidden">People and organisations named in the coverage</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="num">Docs</th>
            <th scope="col" className="num">Mentions</th>
            <th scope="col" className="num">Mean score</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.name}
                {p.kind === "organization" ? <span className="muted small"> · organisation</span> : null}
              </th>
              <td className="num">{p.documents}</td>
              <td className="num">{p.mentions}</td>
              <td className="num">
                {p.meanScore === null ? (
                  <span className="muted" title={`At least ${MIN_N} evaluative sentences are needed`}>
                    n = {p.evaluativeMentions}, too few
                  </span>
                ) : (
                  <>
                    {formatStance(p.meanScore)} <span className="muted">(n = {p.evaluativeMentions})</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
