import Link from "next/link";
import { StatePanel } from "./components/StatePanel";

export default function NotFound() {
  return (
    <>
      <div className="page-head">
        <h1>Page not found</h1>
      </div>
      <StatePanel state="empty" title="Nothing lives at this address">
        <p>
          Go back to the <Link href="/">list of titles</Link>.
        </p>
      </StatePanel>
    </>
  );
}
