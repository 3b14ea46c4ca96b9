import Link from "next/link";
import { StatePanel } from "@/app/components/StatePanel";

export default function DocumentNotFound() {
  return (
    <>
      <div className="page-head">
        <h1>Document not found</h1>
      </div>
      <StatePanel state="empty" title="No document with this id">
        <p>
          Documents are reached from a title&apos;s documents table. See the <Link href="/">list of titles</Link>.
        </p>
      </StatePanel>
    </>
  );
}
