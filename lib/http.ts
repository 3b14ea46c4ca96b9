// One error body for every route handler: { error: { message, code, status } }, so clients
// (and the CSV links' users) always get the same shape with a message that names the fix.
import type { Readable } from "node:stream";
import type { z } from "zod";
import { reportDatabaseDown } from "./db/health";
import { describeDbError, isConnectionError } from "./db/retry";
import { readCapped } from "./net/readCapped";

export interface ErrorBody {
  error: { message: string; code: string; status: number };
}

/** Seconds a client should wait before trying again after a 503 (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 5;

export function errorResponse(status: number, code: string, message: string): Response {
  const body: ErrorBody = { error: { message, code, status } };
  const headers: Record<string, string> = { "cache-control": "no-store" };
  // Every 503 is temporary by definition: say when to come back.
  if (status === 503) headers["retry-after"] = String(RETRY_AFTER_SECONDS);
  return Response.json(body, { status, headers });
}

export const DATABASE_UNAVAILABLE_MESSAGE = `The database is not answering (restarting, or down). Try again in ${RETRY_AFTER_SECONDS} s: the server reconnects by itself once it is back.`;

/** 503 with Retry-After: the database is down or restarting, and the client should simply retry. */
export function databaseUnavailableResponse(): Response {
  return errorResponse(503, "database_unavailable", DATABASE_UNAVAILABLE_MESSAGE);
}

/**
 * Wraps a route handler so a lost database connection (lib/db/retry.ts decides which errors
 * those are) answers that 503 instead of a 500. Anything else still fails loudly.
 */
export function withDatabase<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      reportDatabaseDown(describeDbError(error));
      return databaseUnavailableResponse();
    }
  };
}

export function badRequest(message: string, code = "bad_request"): Response {
  return errorResponse(400, code, message);
}

export function notFoundResponse(message: string, code = "not_found"): Response {
  return errorResponse(404, code, message);
}

/** "from: Expected YYYY-MM-DD; to: …": every zod issue, prefixed by the parameter it concerns. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** A JSON success reply; never cached, since these bodies describe live state. */
export function jsonResponse(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store" } });
}

/** The JSON bodies routes take are a URL and a few fields: anything bigger is a mistake or an attack. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

/** The body as text, or null once it passes `maxBytes` (Content-Length can lie or be absent, so it is counted). */
async function readCappedText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length")) > maxBytes) return null;
  const bytes = await readCapped(request.body, maxBytes);
  return bytes === null ? null : Buffer.from(bytes).toString("utf8");
}

/** A JSON request body checked against `schema`: the data, or the 400 (413 when too large) to reply with. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ data: z.output<S> } | { response: Response }> {
  const text = await readCappedText(request, MAX_JSON_BODY_BYTES);
  if (text === null) {
    return { response: errorResponse(413, "body_too_large", `The request body is larger than ${MAX_JSON_BODY_BYTES / 1024} KB; send only the fields this endpoint takes.`) };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { response: badRequest("The request body must be JSON (content-type: application/json).", "invalid_json") };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { response: badRequest(describeZodError(parsed.error), "invalid_request") };
  return { data: parsed.data };
}

/**
 * A Node stream as a Response body that reads nothing until the client asks for bytes, and is
 * destroyed when the client goes away. Readable.toWeb starts reading at once: an export whose
 * client left before the body was sent then held its cursor's pooled connection for good, and ten
 * such requests starved every page of connections (found by the load test in reliability.spec.ts).
 */
export function streamBody(readable: Readable, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const chunks = readable[Symbol.asyncIterator]();
  const stop = () => readable.destroy();
  signal?.addEventListener("abort", stop, { once: true });
  const finish = () => signal?.removeEventListener("abort", stop);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) {
            finish();
            controller.close();
          } else {
            controller.enqueue(typeof value === "string" ? Buffer.from(value) : value);
          }
        } catch (error) {
          finish();
          controller.error(error);
        }
      },
      cancel() {
        finish();
        stop();
      },
    },
    // No read ahead: the first pull waits for the consumer's first read.
    { highWaterMark: 0 },
  );
}
