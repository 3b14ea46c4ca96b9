export default function CompareLoading() {
  return (
    <div aria-busy="true" aria-label="Loading comparison">
      <div className="page-head">
        <div className="skeleton" style={{ width: 220, height: 30 }} />
      </div>
      <div className="card">
        <div className="skeleton" style={{ height: 380 }} />
      </div>
    </div>
  );
}
