import Link from "next/link";
import { StatePanel } from "@/app/components/StatePanel";

export default function TitleNotFound() {
  return (
    <>
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            <Link href="/">Titles</Link> /
          </div>
          <h1>Title not found</h1>
        </div>
      </div>
      <StatePanel state="empty" title="No title with this address">
        <p>
          It may not have been ingested yet. See the <Link href="/">list of titles</Link>, or add coverage with{" "}
          <code>npm run ingest -- &lt;file|folder&gt; --title &quot;Name&quot;</code>.
        </p>
      </StatePanel>
    </>
  );
}
