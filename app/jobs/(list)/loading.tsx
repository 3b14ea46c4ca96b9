// In a route group so this loading state wraps only the list: /jobs/[id] keeps a real 404 status.
// Same frame as the jobs page, so nothing jumps when the data arrives.
import { Bone, LoadingFrame, RowsCard } from "@/app/components/Skeleton";

export default function JobsLoading() {
  return (
    <LoadingFrame label="Loading jobs">
      <div className="page-head">
        <div>
          <Bone style={{ width: 110, height: 30 }} />
          <Bone style={{ width: "min(560px, 90%)", height: 16, marginTop: 10 }} />
        </div>
      </div>
      <div className="stack">
        <div className="card">
          <Bone style={{ width: 160, height: 18, marginBottom: 16 }} />
          <Bone style={{ height: 90 }} />
        </div>
        <RowsCard rows={5} heading={80} />
      </div>
    </LoadingFrame>
  );
}
