// Runs a Hypeline command in-process with an argv array and captures what it prints.
import { vi } from "vitest";
import type { CommandDef } from "citty";
import { executeCli } from "../../ingest/cli-kit";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(command: CommandDef<any>, argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(" ")));
  const table = vi.spyOn(console, "table").mockImplementation((t: unknown) => void out.push(JSON.stringify(t)));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.map(String).join(" ")));
  try {
    // executeCli closes the shared pool at the end, like a real process exit would.
    const code = await executeCli(command, argv);
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    log.mockRestore();
    table.mockRestore();
    error.mockRestore();
  }
}

/** The JSON object on the last line of a command's output. */
export function lastJson<T = Record<string, unknown>>(stdout: string): T {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as T;
}
