// Same frame as the title page, so nothing jumps when the data arrives.
export default function TitleLoading() {
  return (
    <div aria-busy="true" aria-label="Loading title">
      <div className="page-head">
        <div>
          <div className="skeleton" style={{ width: 80, height: 14, marginBottom: 10 }} />
          <div className="skeleton" style={{ width: 260, height: 30 }} />
        </div>
      </div>
      <div className="kpis">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="card">
            <div className="skeleton" style={{ width: "50%", height: 12 }} />
            <div className="skeleton" style={{ width: "40%", height: 30, marginTop: 10 }} />
          </div>
        ))}
      </div>
      <div className="stack">
        <div className="card">
          <div className="skeleton" style={{ width: 120, height: 18, marginBottom: 16 }} />
          <div className="skeleton" style={{ height: 340 }} />
        </div>
        <div className="card">
          <div className="skeleton" style={{ width: 140, height: 18, marginBottom: 16 }} />
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className="skeleton" style={{ height: 20, marginBottom: 10 }} />
          ))}
        </div>
      </div>
    </div>
  );
}
