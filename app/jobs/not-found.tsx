// Here rather than in [id]/: the run's existence is checked in [id]/layout.tsx, and a layout's notFound() is
// caught by the not-found boundary of the segment above it.
import Link from "next/link";
import { StatePanel } from "@/app/components/StatePanel";

export default function RunNotFound() {
  return (
    <>
      <div className="page-head">
        <h1>Run not found</h1>
      </div>
      <StatePanel state="empty" title="No ingest run with this id">
        <p>
          See the <Link href="/jobs">list of runs</Link>.
        </p>
      </StatePanel>
    </>
  );
}
