// Running Next.js from our scripts: the binary, whether the production build is stale, and a
// child process that forwards Ctrl-C / SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((n) => newestMtime(path.join(target, n))));
}

/** True when there is no build, or a source it depends on changed after it. */
export function buildIsStale(): boolean {
  const buildId = path.join(process.cwd(), ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "lib", "next.config.js", "package-lock.json", "prisma/schema.prisma"].some((p) => newestMtime(path.join(process.cwd(), p)) > built);
}

export function spawnNext(args: string[], env: NodeJS.ProcessEnv, quiet = false): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", env });
}

/** Runs next to completion, forwarding signals; resolves with its exit code. */
export function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawnNext(args, env);
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}
