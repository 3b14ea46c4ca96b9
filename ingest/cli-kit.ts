// What every Hypeline command shares: one error type whose message names the fix, --help for
// commands and subcommands, exit codes, and cleanup (close the database) on every path.
// Commands are citty definitions; `executeCli` runs one with an argv array so tests can call
// it in-process, and only `runCli` touches process.exitCode.
import { type CommandDef, renderUsage, runCommand } from "citty";
import { pathToFileURL } from "node:url";
import { closeDb } from "../lib/db/client";

export type CliErrorCode = "EARG" | "EINPUT" | "ENOTFOUND" | "EDB" | "EPARTIAL";

/** A user-facing failure: printed without a stack trace. */
export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Thrown by a command that finished but wants a specific exit code (e.g. 2: some items failed). */
export class ExitCode extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

type AnyCommand = CommandDef<any>;

async function resolveCommand(command: AnyCommand, rawArgs: string[]): Promise<{ target: AnyCommand; parent?: AnyCommand }> {
  const subCommands = typeof command.subCommands === "function" ? await command.subCommands() : await command.subCommands;
  const first = rawArgs.find((a) => !a.startsWith("-"));
  if (subCommands && first && first in subCommands) {
    const entry = subCommands[first];
    const sub = (typeof entry === "function" ? await (entry as () => Promise<AnyCommand>)() : await entry) as AnyCommand;
    return { target: sub, parent: command };
  }
  return { target: command };
}

function isCittyUsageError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && error.name === "CLIError";
}

export async function executeCli(command: AnyCommand, rawArgs: string[]): Promise<number> {
  try {
    if (rawArgs.includes("--help") || rawArgs.includes("-h")) {
      const { target, parent } = await resolveCommand(command, rawArgs);
      console.log(await renderUsage(target, parent));
      return 0;
    }
    await runCommand(command, { rawArgs });
    return 0;
  } catch (error) {
    if (error instanceof ExitCode) return error.exitCode;
    if (error instanceof CliError) {
      console.error(`Error: ${error.message}`);
      return error.exitCode;
    }
    if (isCittyUsageError(error)) {
      const { target, parent } = await resolveCommand(command, rawArgs);
      console.error(`${await renderUsage(target, parent)}\n\nError: ${error.message}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Error: ${message}`);
    if (process.env.HYPELINE_DEBUG) console.error(error);
    else console.error("(set HYPELINE_DEBUG=1 for the stack trace)");
    return 1;
  } finally {
    await closeDb();
  }
}

export async function runCli(command: AnyCommand): Promise<void> {
  process.exitCode = await executeCli(command, process.argv.slice(2));
}

/** True when the module is the script node was started with (not imported by a test). */
export function isMain(moduleUrl: string): boolean {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(process.argv[1]).href;
}
