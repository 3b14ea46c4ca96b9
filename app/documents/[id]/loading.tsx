export default function DocumentLoading() {
  return (
    <div aria-busy="true" aria-label="Loading document">
      <div className="page-head">
        <div>
          <div className="skeleton" style={{ width: 160, height: 14, marginBottom: 10 }} />
          <div className="skeleton" style={{ width: "min(520px, 90%)", height: 30 }} />
        </div>
      </div>
      <div className="stack">
        <div className="card">
          <div className="skeleton" style={{ height: 90 }} />
        </div>
        <div className="card">
          {[100, 96, 98, 70, 0, 100, 92, 60].map((width, i) => (
            <div key={i} className="skeleton" style={{ width: `${width}%`, height: width ? 16 : 8, marginBottom: 10, opacity: width ? 1 : 0 }} />
          ))}
        </div>
      </div>
    </div>
  );
}
