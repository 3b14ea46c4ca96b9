// Noticing a worker that died mid-job (SIGKILL, out of memory, a lost machine) within seconds,
// instead of at the job's 1 h expiry (queue.ts).
//
// A worker holds a PostgreSQL session advisory lock for each job it runs, on a connection of its
// own. PostgreSQL drops a session's locks when the session ends, so a dead worker's locks go with
// its connection. Every worker looks, every few seconds, at the jobs pg-boss shows as active: one
// whose lock nobody holds, seen that way on two looks in a row (so a live worker whose lease
// connection was cut has a look to take its locks again), and started more than a grace period
// ago (so a job just fetched has time to take its lock), was orphaned. It goes back to `retry`,
// startable at once (the crash was not the job's fault, so no back-off), and any worker takes it.
// Running it again is safe: ingests are idempotent (content hashes, seen feed items), so what
// the dead worker stored is stored once.
import pg from "pg";

// Two-key advisory locks: this class (ASCII "HYLN") and the job id's hash, apart from any other lock.
const LEASE_CLASS = 0x48594c4e | 0;
/** A job fetched this recently may not have taken its lock yet. */
const GRACE_SECONDS = 15;
/** How often each worker looks for orphaned jobs. */
export const ORPHAN_CHECK_MS = 5000;

type Log = (line: string) => void;

export class JobLeases {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly held = new Set<string>();
  /** Jobs found unlocked on the previous look. */
  private suspects = new Set<string>();
  private reaping = false;

  constructor(
    private readonly url: string,
    private readonly log: Log,
  ) {}

  /** The lease connection, (re)opened on demand; after a reconnect the held locks are taken again. */
  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      // A dropped lease connection (database restart) is reopened on the next use.
      client.on("error", () => {
        if (this.client === client) this.client = null;
      });
      await client.connect();
      for (const id of this.held) await client.query("select pg_try_advisory_lock($1, hashtext($2))", [LEASE_CLASS, id]);
      this.client = client;
      return client;
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }

  /** Runs `work` holding the job's lease; the lease is released however it ends. */
  async during<T>(jobId: string, work: () => Promise<T>): Promise<T> {
    this.held.add(jobId);
    try {
      await (await this.connection()).query("select pg_try_advisory_lock($1, hashtext($2))", [LEASE_CLASS, jobId]);
    } catch (error) {
      // Without a lease the job still runs; if this worker died, the job would wait for its expiry.
      this.log(`job ${jobId.slice(0, 8)}: could not take its lease (${(error as Error).message}); running it anyway`);
    }
    try {
      return await work();
    } finally {
      this.held.delete(jobId);
      await this.client?.query("select pg_advisory_unlock($1, hashtext($2))", [LEASE_CLASS, jobId]).catch(() => undefined);
    }
  }

  /**
   * One look at the active jobs of `queues`: those orphaned (see above) are put back to retry,
   * or failed when they have used their retries. Returns the ids put back.
   */
  async reapOrphans(queues: string[]): Promise<string[]> {
    if (this.reaping) return [];
    this.reaping = true;
    try {
      return await this.reap(queues);
    } finally {
      this.reaping = false;
    }
  }

  private async reap(queues: string[]): Promise<string[]> {
    const client = await this.connection();
    const { rows } = await client.query<{ id: string; name: string; free: boolean; data: { request?: string; feedId?: number } | null; started_on: Date }>(
      `select id, name, data, started_on, pg_try_advisory_lock($1, hashtext(id::text)) as free
         from pgboss.job
        where name = any($2) and state = 'active' and started_on < now() - make_interval(secs => $3)`,
      [LEASE_CLASS, queues, GRACE_SECONDS],
    );
    const free = rows.filter((r) => r.free);
    // Taking the lock was only a question: give it back at once.
    for (const r of free) await client.query("select pg_advisory_unlock($1, hashtext($2))", [LEASE_CLASS, r.id]);
    const orphans = free.filter((r) => this.suspects.has(r.id) && !this.held.has(r.id));
    this.suspects = new Set(free.map((r) => r.id));
    const requeued: string[] = [];
    for (const job of orphans) {
      // The run the dead worker had started stays "running" otherwise: close it, saying why.
      await client.query(
        `update ingest_runs set status = 'failed', finished_at = now(),
                errors = errors || jsonb_build_array(jsonb_build_object('item', '(run)', 'error', 'its worker died mid-job (killed or lost); the job was put back for another worker, whose run stores the rest'))
          where status = 'running' and started_at >= $1 and (request = $2 or request like $3)`,
        [job.started_on, job.data?.request ?? null, job.data?.feedId === undefined ? null : `poll feed #${job.data.feedId} %`],
      );
      // pg-boss counts the retry when a worker fetches it again (started_on is set).
      const { rowCount } = await client.query(
        `update pgboss.job set state = 'retry', start_after = now(),
                output = jsonb_build_object('message', 'its worker stopped answering (killed or lost); retried')
          where name = $1 and id = $2 and state = 'active' and retry_count < retry_limit`,
        [job.name, job.id],
      );
      if (rowCount) {
        requeued.push(job.id);
        this.log(`job ${job.id.slice(0, 8)} (${job.name}): its worker died mid-job; put back for another worker`);
      } else {
        await client.query(
          `update pgboss.job set state = 'failed', completed_on = now(),
                  output = jsonb_build_object('message', 'its worker died mid-job and it had no retries left')
            where name = $1 and id = $2 and state = 'active'`,
          [job.name, job.id],
        );
        this.log(`job ${job.id.slice(0, 8)} (${job.name}): its worker died mid-job and it has no retries left; failed`);
      }
    }
    return requeued;
  }

  async close(): Promise<void> {
    const client = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
