// Display helpers for runs, shared by /jobs and /jobs/[id].

/** 850 → "0.9 s", 75_000 → "1 min 15 s", 7_380_000 → "2 h 3 min". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** What a run's "started by" means to a reader. */
export const STARTED_BY_HINTS: Record<string, string> = {
  cli: "npm run ingest",
  demo: "the demo corpus, loaded by npm start",
  dashboard: "queued from this page",
  schedule: "a feed poll, on its schedule",
};
