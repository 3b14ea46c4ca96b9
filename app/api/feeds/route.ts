// POST /api/feeds (admin): register a feed for the workers to poll on a schedule.
// GET /api/feeds: registered feeds, when they were last polled and their last error.
import { requireAdmin } from "@/lib/auth/adminToken";
import { errorResponse, jsonResponse, parseJsonBody, withDatabase } from "@/lib/http";
import { addFeed, listFeeds } from "@/lib/jobs/feeds";
import { addFeedRequestSchema } from "@/lib/jobs/requests";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withDatabase(async () => jsonResponse({ feeds: await listFeeds() }));

export async function POST(request: Request) {
  const denied = requireAdmin(request);
  if (denied) return denied;
  const body = await parseJsonBody(request, addFeedRequestSchema);
  if ("response" in body) return body.response;
  try {
    const { feed, created } = await addFeed({ url: body.data.url, title: body.data.title, everyMinutes: body.data.every });
    return jsonResponse({ feed, created }, created ? 201 : 200);
  } catch (error) {
    console.error(`[api/feeds] ${(error as Error).message}`);
    return errorResponse(503, "database_unavailable", "Could not register the feed: the database did not answer. Try again, and check the server log.");
  }
}
