// GET /api/health: 200 when the database answers, else 503 with Retry-After. The error page polls
// it to tell "database unavailable, retrying" from other failures, and to know when to retry.
import { databaseIsUp } from "@/lib/db/health";
import { databaseUnavailableResponse, jsonResponse } from "@/lib/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET() {
  return (await databaseIsUp()) ? jsonResponse({ database: "up" }) : databaseUnavailableResponse();
}
