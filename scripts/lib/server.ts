// A dashboard server of our own for scripts and tests that need its process (memory, signals):
// `next start` on a free 127.0.0.1 port against a given DATABASE_URL, from the existing build.
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { spawnNext } from "./next";

export interface RunningServer {
  url: string;
  pid: number;
  child: ChildProcess;
  /** What the server printed, for a failure message. */
  output(): string;
  /** SIGTERM, and wait for the exit code. */
  stop(): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts `next start` and resolves once it answers; rejects with its output if it exits first. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const port = await freePort();
  const child = spawnNext(["start", "-p", String(port), "-H", "127.0.0.1"], env, true);
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d));
  child.stderr?.on("data", (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${output.slice(-2000)}`);
    // Any HTTP answer (even a 503 while the database warms up) means it listens.
    if (await fetch(`${url}/api/health`).then(() => true, () => false)) break;
    if (tries > 240) throw new Error(`the server did not answer at ${url} within 2 minutes:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    pid: child.pid!,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
