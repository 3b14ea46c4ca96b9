// In a route group so this loading state wraps only the list: /jobs/[id] keeps a real 404 status.
// Same frame as the jobs page, so nothing jumps when the data arrives.
export default function JobsLoading() {
  return (
    <div aria-busy="true" aria-label="Loading jobs">
      <div className="page-head">
        <div>
          <div className="skeleton" style={{ width: 110, height: 30 }} />
          <div className="skeleton" style={{ width: "min(560px, 90%)", height: 16, marginTop: 10 }} />
        </div>
      </div>
      <div className="stack">
        <div className="card">
          <div className="skeleton" style={{ width: 160, height: 18, marginBottom: 16 }} />
          <div className="skeleton" style={{ height: 90 }} />
        </div>
        <div className="card">
          <div className="skeleton" style={{ width: 80, height: 18, marginBottom: 16 }} />
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className="skeleton" style={{ height: 20, marginBottom: 10 }} />
          ))}
        </div>
      </div>
    </div>
  );
}
