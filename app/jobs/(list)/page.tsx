import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "@/lib/env";
import { type FeedRow, formatEvery, listFeeds } from "@/lib/jobs/feeds";
import { JOB_EXPIRE_SECONDS } from "@/lib/jobs/queue";
import { getIngestRuns, type IngestRunRow } from "@/lib/queries/getIngestRuns";
import { getQueuedJobs, type QueuedJobRow } from "@/lib/queries/getQueuedJobs";
import { formatTimestamp } from "@/app/components/format";
import { StatePanel } from "@/app/components/StatePanel";
import { AutoRefresh } from "../AutoRefresh";
import { QueueForm } from "../QueueForm";
import { RunStatusBadge } from "../RunStatusBadge";
import { formatDuration, STARTED_BY_HINTS } from "../runFormat";
import styles from "../jobs.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Jobs" };

const RUNS_SHOWN = 50;

export default async function JobsPage() {
  const adminEnabled = Boolean(getEnv().HYPELINE_ADMIN_TOKEN);
  const [runs, queued, feeds] = await Promise.all([getIngestRuns({ limit: RUNS_SHOWN }), getQueuedJobs(), listFeeds()]);
  // Taken jobs count as in progress too: a worker has them, and their run is about to start. A run
  // still "running" after a job's expiry lost its worker (killed): no reason to keep refreshing.
  const now = Date.now();
  const inProgress = queued.length > 0 || runs.rows.some((r) => r.status === "running" && now - Date.parse(r.startedAt) < JOB_EXPIRE_SECONDS * 1000);
  const waiting = queued.filter((job) => job.state !== "active");

  return (
    <>
      <AutoRefresh active={inProgress} />
      <div className="page-head">
        <div>
          <h1>Jobs</h1>
          <p>Every ingest, from the command line, this page or a feed&apos;s schedule: what it read, what it stored and what failed.</p>
        </div>
      </div>

      <div className="stack">
        <section className="card" aria-labelledby="queue-heading">
          <div className="card__head">
            <div>
              <h2 id="queue-heading">Queue an ingest</h2>
              <p className="card__sub">
                A page or an RSS/Atom feed, once or on a schedule. Workers run queued jobs: <code>npm start</code> runs one,{" "}
                <code>npm run worker</code> adds more.
              </p>
            </div>
          </div>
          {adminEnabled ? null : (
            <div className={styles.disabledNote} data-testid="admin-disabled">
              <StatePanel state="empty" title="Admin actions are disabled: set HYPELINE_ADMIN_TOKEN" compact>
                <p>
                  To queue ingests and add feeds here, set <code>HYPELINE_ADMIN_TOKEN</code> (at least 16 characters, e.g. the output of{" "}
                  <code>openssl rand -hex 24</code>) in the server&apos;s environment and restart it. Reading the dashboard needs no token.
                </p>
              </StatePanel>
            </div>
          )}
          <QueueForm adminEnabled={adminEnabled} />
        </section>

        {waiting.length ? <QueuedJobs jobs={waiting} /> : null}

        <section className="card" aria-labelledby="runs-heading">
          <div className="card__head">
            <div>
              <h2 id="runs-heading">Runs</h2>
              <p className="card__sub">
                {runs.total > runs.rows.length ? `The latest ${runs.rows.length} of ${runs.total} runs.` : `${runs.total} run${runs.total === 1 ? "" : "s"}.`} Open one for
                its items and errors.
              </p>
            </div>
          </div>
          {runs.rows.length ? (
            <RunsTable runs={runs.rows} />
          ) : (
            <StatePanel state="empty" title="No ingest runs yet">
              <p>
                Queue one above, or run <code>npm run ingest -- &lt;file|folder|url&gt;</code>.
              </p>
            </StatePanel>
          )}
        </section>

        <section className="card" aria-labelledby="feeds-heading">
          <div className="card__head">
            <div>
              <h2 id="feeds-heading">Feeds</h2>
              <p className="card__sub">Polled by the workers on their schedule; items already seen are skipped.</p>
            </div>
          </div>
          {feeds.length ? (
            <FeedsTable feeds={feeds} />
          ) : (
            <StatePanel state="empty" title="No feeds yet" compact>
              <p>
                Add one above with <em>Repeat: every …</em>, or <code>npm run feeds -- add URL --title T --every 6h</code>.
              </p>
            </StatePanel>
          )}
        </section>
      </div>
    </>
  );
}

function Duration({ run }: { run: IngestRunRow }) {
  if (run.durationMs !== null) return <>{formatDuration(run.durationMs)}</>;
  return <span className="muted">running</span>;
}

function RunsTable({ runs }: { runs: IngestRunRow[] }) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid="runs-table">
        <caption className="visually-hidden">Ingest runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Status</th>
            <th scope="col">Started by</th>
            <th scope="col">Started</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col" className="num">
              Seen
            </th>
            <th scope="col" className="num">
              Stored
            </th>
            <th scope="col" className="num">
              Duplicates
            </th>
            <th scope="col" className="num">
              Failed
            </th>
            <th scope="col">Request</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td className="nowrap">
                <Link href={`/jobs/${run.id}`} aria-label={`Run ${run.id}`}>
                  #{run.id}
                </Link>
              </td>
              <td>
                <RunStatusBadge status={run.status} />
              </td>
              <td title={STARTED_BY_HINTS[run.startedBy]}>{run.startedBy}</td>
              <td className="nowrap">{formatTimestamp(run.startedAt)}</td>
              <td className="num nowrap">
                <Duration run={run} />
              </td>
              <td className="num">{run.seen}</td>
              <td className="num">{run.stored}</td>
              <td className="num">{run.duplicates}</td>
              <td className="num">{run.failed ? <strong className={styles.itemError}>{run.failed}</strong> : 0}</td>
              <td>
                <div className={styles.request}>{run.request}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QueuedJobs({ jobs }: { jobs: QueuedJobRow[] }) {
  return (
    <section className="card" aria-labelledby="queued-heading">
      <div className="card__head">
        <div>
          <h2 id="queued-heading">Waiting for a worker</h2>
          <p className="card__sub">
            A worker takes each job within seconds. If they stay here, start one: <code>npm run worker</code>.
          </p>
        </div>
      </div>
      <div className="table-wrap">
        <table className="data" data-testid="queued-table">
          <caption className="visually-hidden">Queued jobs, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">Job</th>
              <th scope="col">Target</th>
              <th scope="col">By</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td className="nowrap">{formatTimestamp(job.createdAt)}</td>
                <td className="nowrap">{job.queue === "ingest" ? "ingest" : "feed poll"}</td>
                <td>
                  <div className={styles.itemName}>{job.target}</div>
                </td>
                <td>{job.startedBy}</td>
                <td className="nowrap">{job.state === "retry" ? `retry ${job.retryCount} after ${formatTimestamp(job.startAfter)}` : "waiting"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function FeedsTable({ feeds }: { feeds: FeedRow[] }) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid="feeds-table">
        <caption className="visually-hidden">Registered feeds</caption>
        <thead>
          <tr>
            <th scope="col">Feed</th>
            <th scope="col">Title</th>
            <th scope="col">Every</th>
            <th scope="col">Last polled</th>
            <th scope="col">Next poll</th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {feeds.map((feed) => (
            <tr key={feed.id}>
              <td>
                <div className={styles.itemName}>{feed.url}</div>
              </td>
              <td>{feed.title ?? <span className="faint">from the text</span>}</td>
              <td className="nowrap">{formatEvery(feed.everyMinutes)}</td>
              <td className="nowrap">{feed.lastPolledAt ? formatTimestamp(feed.lastPolledAt) : <span className="muted">never</span>}</td>
              <td className="nowrap">
                {feed.nextPollAt === null ? (
                  <span className="faint">only when asked</span>
                ) : feed.lastPolledAt ? (
                  formatTimestamp(feed.nextPollAt)
                ) : (
                  <span className="muted">within a minute</span>
                )}
              </td>
              <td>{feed.lastError ? <span className={styles.itemError}>{feed.lastError}</span> : <span className="faint">none</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
