// POST /api/jobs (admin): queue an ingest of a page or an RSS/Atom feed, run by a worker.
// GET /api/jobs: recent ingest runs, and the jobs not done yet (waiting, retrying, or taken by a worker).
import { requireAdmin } from "@/lib/auth/adminToken";
import { errorResponse, jsonResponse, parseJsonBody, withDatabase } from "@/lib/http";
import { queueIngest } from "@/lib/jobs/queue";
import { queueIngestRequestSchema } from "@/lib/jobs/requests";
import { getIngestRuns } from "@/lib/queries/getIngestRuns";
import { getQueuedJobs } from "@/lib/queries/getQueuedJobs";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withDatabase(async () => {
  const [runs, pending] = await Promise.all([getIngestRuns({ limit: 100 }), getQueuedJobs()]);
  return jsonResponse({ runs: runs.rows, totalRuns: runs.total, pending });
});

export async function POST(request: Request) {
  // Before reading the body: a caller without the token learns nothing, not even what is valid.
  const denied = requireAdmin(request);
  if (denied) return denied;
  const body = await parseJsonBody(request, queueIngestRequestSchema);
  if ("response" in body) return body.response;
  try {
    const job = await queueIngest({ ...body.data, startedBy: "dashboard" });
    return jsonResponse({ job }, 202);
  } catch (error) {
    console.error(`[api/jobs] ${(error as Error).message}`);
    return errorResponse(503, "queue_unavailable", "Could not queue the ingest: the job queue's database did not answer. Try again, and check the server log.");
  }
}
