"use client";
// The error boundary of every page. When the database went away while the page was rendering
// (proxy.ts answers 503 before rendering, but a restart can start mid-render), it says so, asks
// /api/health until the database answers again, then re-renders the page by itself.
import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";
import { StatePanel } from "./components/StatePanel";

const POLL_MS = 2000;

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [database, setDatabase] = useState<"checking" | "down" | "up">("checking");

  useEffect(() => {
    let stopped = false;
    let sawDown = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const up = await fetch("/api/health", { cache: "no-store" }).then((r) => r.ok, () => false);
      if (stopped) return;
      setDatabase(up ? "up" : "down");
      if (!up) {
        sawDown = true;
        timer = setTimeout(check, POLL_MS);
      } else if (sawDown) {
        // It answers again: render the page afresh. (Any other error waits for the button, so a
        // bug cannot make the page retry in a loop.)
        startTransition(() => {
          router.refresh();
          reset();
        });
      }
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [error, reset, router]);

  if (database === "down") {
    return (
      <StatePanel state="error" title="Database unavailable, retrying">
        <p>The database is not answering (restarting, or down). This page tries again every few seconds and reloads by itself once it is back.</p>
      </StatePanel>
    );
  }
  return (
    <StatePanel state="error" title="Something went wrong">
      <p>The page could not be shown{error.digest ? ` (error ${error.digest})` : ""}. If trying again does not help, the server log says why.</p>
      <button type="button" className="button-link" onClick={() => startTransition(() => (router.refresh(), reset()))}>
        Try again
      </button>
    </StatePanel>
  );
}
