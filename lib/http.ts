// One error body for every route handler: { error: { message, code, status } }, so clients
// (and the CSV links' users) always get the same shape with a message that names the fix.
import type { z } from "zod";

export interface ErrorBody {
  error: { message: string; code: string; status: number };
}

export function errorResponse(status: number, code: string, message: string): Response {
  const body: ErrorBody = { error: { message, code, status } };
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
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

/** A JSON request body checked against `schema`: the data, or the 400 to reply with. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ data: z.output<S> } | { response: Response }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { response: badRequest("The request body must be JSON (content-type: application/json).", "invalid_json") };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { response: badRequest(describeZodError(parsed.error), "invalid_request") };
  return { data: parsed.data };
}
