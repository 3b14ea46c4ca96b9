export default function RunLoading() {
  return (
    <div aria-busy="true" aria-label="Loading run">
      <div className="page-head">
        <div>
          <div className="skeleton" style={{ width: 60, height: 14, marginBottom: 10 }} />
          <div className="skeleton" style={{ width: 220, height: 30 }} />
        </div>
      </div>
      <div className="kpis">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="card">
            <div className="skeleton" style={{ width: "50%", height: 12 }} />
            <div className="skeleton" style={{ width: "30%", height: 30, marginTop: 10 }} />
          </div>
        ))}
      </div>
      <div className="card">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className="skeleton" style={{ height: 20, marginBottom: 10 }} />
        ))}
      </div>
    </div>
  );
}
