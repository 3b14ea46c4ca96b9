// Building blocks of the loading screens: each page's loading.tsx lays out the same frame as the
// page, so nothing jumps when the data arrives.
import type { CSSProperties, ReactNode } from "react";

export function Bone({ style }: { style: CSSProperties }) {
  return <div className="skeleton" style={style} />;
}

export function LoadingFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div aria-busy="true" aria-label={label}>
      {children}
    </div>
  );
}

/** The breadcrumb (when given a width) and the page heading. */
export function HeadBones({ crumb, title }: { crumb?: number; title: CSSProperties["width"] }) {
  return (
    <div className="page-head">
      <div>
        {crumb !== undefined && <Bone style={{ width: crumb, height: 14, marginBottom: 10 }} />}
        <Bone style={{ width: title, height: 30 }} />
      </div>
    </div>
  );
}

export function KpiBones({ valueWidth }: { valueWidth: string }) {
  return (
    <div className="kpis">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="card">
          <Bone style={{ width: "50%", height: 12 }} />
          <Bone style={{ width: valueWidth, height: 30, marginTop: 10 }} />
        </div>
      ))}
    </div>
  );
}

/** A card of `rows` table-row bones, under a heading bone when `heading` is given. */
export function RowsCard({ rows, heading }: { rows: number; heading?: number }) {
  return (
    <div className="card">
      {heading !== undefined && <Bone style={{ width: heading, height: 18, marginBottom: 16 }} />}
      {Array.from({ length: rows }, (_, i) => (
        <Bone key={i} style={{ height: 20, marginBottom: 10 }} />
      ))}
    </div>
  );
}
