// Validation shared by the commands (and later the HTTP routes): one schema per option.
import { z } from "zod";
import { isIsoDay } from "../lib/calendar";
import { CliError } from "./cli-kit";

export const isoDaySchema = z.string().refine(isIsoDay, { message: "expected a date as YYYY-MM-DD, e.g. 2025-06-06" });
export const kindSchema = z.enum(["review", "article"], { message: 'expected "review" or "article"' });

/** Parses one CLI option with a schema, turning a failure into a CliError naming the option. */
export function parseOption<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliError("EARG", `--${name} ${JSON.stringify(value)}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** citty gives a repeated string flag as a string or an array; always get an array. */
export function manyValues(value: unknown): string[] {
  if (value === undefined || value === null || value === false) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
