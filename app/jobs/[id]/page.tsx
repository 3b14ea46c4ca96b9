import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { IngestRunDetail, IngestRunItemRow, RunItemStatus } from "@/lib/queries/getIngestRun";
import { formatTimestamp } from "@/app/components/format";
import { StatePanel } from "@/app/components/StatePanel";
import { AutoRefresh } from "../AutoRefresh";
import { RunStatusBadge } from "../RunStatusBadge";
import { formatDuration, STARTED_BY_HINTS } from "../runFormat";
import styles from "../jobs.module.css";
import { loadRun, parseItemStatus } from "./loadRun";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const STATUS_LABELS: Record<RunItemStatus, string> = { stored: "Stored", duplicate: "Duplicates", failed: "Failed" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const run = await loadRun((await params).id);
  return { title: run ? `Run #${run.id}` : "Run not found" };
}

export default async function RunPage({ params, searchParams }: Props) {
  const { id } = await params;
  const status = parseItemStatus((await searchParams).status);
  const run = await loadRun(id, status);
  if (!run) notFound();
  const total = run.itemCounts.stored + run.itemCounts.duplicate + run.itemCounts.failed;
  const listed = status ? run.itemCounts[status] : total;

  return (
    <>
      <AutoRefresh active={run.status === "running"} />
      <div className="page-head">
        <div>
          <div className="breadcrumb">
            <Link href="/jobs">Jobs</Link> /
          </div>
          <h1>
            Run #{run.id} <RunStatusBadge status={run.status} />
          </h1>
        </div>
      </div>

      <div className="kpis" aria-label="Counts">
        <Count label="Seen" value={run.seen} note="items read" />
        <Count label="Stored" value={run.stored} note="new documents" />
        <Count label="Duplicates" value={run.duplicates} note="already stored: nothing new" />
        <Count label="Failed" value={run.failed} note="each with its error below" />
      </div>

      <div className="stack">
        <section className="card" aria-label="About this run">
          <RunFacts run={run} />
        </section>

        {run.runErrors.length ? (
          <StatePanel state="error" title="The run stopped before the end">
            {run.runErrors.map((message, i) => (
              <p key={i}>{message}</p>
            ))}
            <p>Every document finished before the stop is complete; run the same source again to pick up the rest.</p>
          </StatePanel>
        ) : null}

        <section className="card" aria-labelledby="items-heading">
          <div className="card__head">
            <div>
              <h2 id="items-heading">Items</h2>
              <p className="card__sub">
                Each file, record, page or feed entry the run read, and what became of it.
                {listed > run.items.length ? ` The first ${run.items.length} of ${listed} are shown.` : ""}
              </p>
            </div>
          </div>
          {total > 0 ? (
            <>
              <nav className={styles.filters} aria-label="Filter items by status">
                <FilterLink runId={run.id} current={status} value={undefined} label={`All (${total})`} />
                {(Object.keys(STATUS_LABELS) as RunItemStatus[]).map((s) => (
                  <FilterLink key={s} runId={run.id} current={status} value={s} label={`${STATUS_LABELS[s]} (${run.itemCounts[s]})`} />
                ))}
              </nav>
              {run.items.length ? (
                <ItemsTable items={run.items} />
              ) : (
                <StatePanel state="empty" title={`No ${status ? STATUS_LABELS[status].toLowerCase() : ""} items in this run`} compact />
              )}
            </>
          ) : run.itemErrors.length ? (
            <LegacyErrors errors={run.itemErrors} />
          ) : (
            <StatePanel state="empty" title={run.status === "running" ? "No items yet: the run is starting" : "This run read no items"} compact>
              {run.status === "running" ? null : <p>The source was empty, or every entry had been seen by an earlier poll.</p>}
            </StatePanel>
          )}
        </section>
      </div>
    </>
  );
}

function Count({ label, value, note }: { label: string; value: number; note: string }) {
  return (
    <div className="card">
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{value.toLocaleString("en-US")}</div>
      <div className="kpi__note">{note}</div>
    </div>
  );
}

function RunFacts({ run }: { run: IngestRunDetail }) {
  const hint = STARTED_BY_HINTS[run.startedBy];
  return (
    <dl className="facts">
      <div>
        <dt>Started by</dt>
        <dd>
          {run.startedBy}
          {hint ? <div className="muted" style={{ fontSize: "0.85rem" }}>{hint}</div> : null}
        </dd>
      </div>
      <div>
        <dt>Started</dt>
        <dd>{formatTimestamp(run.startedAt)}</dd>
      </div>
      <div>
        <dt>Finished</dt>
        <dd>{run.finishedAt ? formatTimestamp(run.finishedAt) : <span className="muted">still running</span>}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>{run.durationMs !== null ? formatDuration(run.durationMs) : <span className="muted">running</span>}</dd>
      </div>
      <div style={{ gridColumn: "1 / -1" }}>
        <dt>Request</dt>
        <dd>
          <code>{run.request}</code>
        </dd>
      </div>
    </dl>
  );
}

function FilterLink({ runId, current, value, label }: { runId: number; current?: RunItemStatus; value?: RunItemStatus; label: string }) {
  const href = value ? `/jobs/${runId}?status=${value}` : `/jobs/${runId}`;
  return (
    <Link href={href} className="button-link" aria-current={current === value ? "page" : undefined} scroll={false}>
      {label}
    </Link>
  );
}

const ITEM_TONE: Record<RunItemStatus, string> = { stored: "positive", duplicate: "neutral", failed: "negative" };

function ItemsTable({ items }: { items: IngestRunItemRow[] }) {
  return (
    <div className="table-wrap">
      <table className="data" data-testid="items-table">
        <caption className="visually-hidden">Items of this run, in the order they were read</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Status</th>
            <th scope="col">Document or error</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <div className={styles.itemName}>{item.item}</div>
              </td>
              <td>
                <span className={`badge badge--${ITEM_TONE[item.status]}`}>{item.status}</span>
              </td>
              <td>
                {item.status === "failed" ? (
                  <span className={styles.itemError}>{item.error}</span>
                ) : item.document ? (
                  <Link href={`/documents/${item.document.id}`}>{item.document.headline || `Document ${item.document.id}`}</Link>
                ) : (
                  <span className="faint">document deleted since</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Runs recorded before per-item rows existed keep only their errors. */
function LegacyErrors({ errors }: { errors: { item: string; error: string }[] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">Failed items of this run</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td>
                <div className={styles.itemName}>{e.item}</div>
              </td>
              <td className={styles.itemError}>{e.error}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
