// Fetching pages: limits and the message each failure gives, against a local server (127.0.0.1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError, fetchResource, pageFromResource, readPage } from "../../ingest/sources/url";
import { type FixtureServer, startFixtureServer, webFixture } from "../helpers/fixture-server";

let web: FixtureServer;
const fast = { timeoutMs: 400, maxBytes: 64 * 1024, maxRedirects: 3 };

beforeAll(async () => {
  web = await startFixtureServer();
  // Server-side fetching refuses loopback unless allowed (lib/net/safeFetch.ts); these tests also
  // need a closed port on 127.0.0.1, so the whole host is allowed here.
  process.env.HYPELINE_FETCH_ALLOW_HOSTS = "127.0.0.1";
  web.set("/reviews/glass-harbor", { body: webFixture("article-og.html", web.base) });
  web.set("/jsonld", { body: webFixture("article-jsonld.html", web.base) });
  web.set("/time", { body: webFixture("article-time.html", web.base) });
  web.set("/bad-date", { body: webFixture("article-baddate.html", web.base) });
  web.set("/slow", { body: "<p>late</p>", delayMs: 2000 });
  web.set("/doc.pdf", { type: "application/pdf", body: Buffer.from("%PDF-1.7 binary") });
  web.set("/loop-a", { status: 302, headers: { location: "/loop-b" } });
  web.set("/loop-b", { status: 301, headers: { location: `${"/loop-a"}` } });
  for (let i = 0; i < 6; i++) web.set(`/hop-${i}`, { status: 307, headers: { location: `/hop-${i + 1}` } });
  web.set("/hop-6", { body: "<p>arrived</p>" });
  web.set("/moved", { status: 301, headers: { location: "/time" } });
  web.set("/no-location", { status: 302 });
  web.set("/gone", { status: 410, body: "gone" });
  web.set("/declared-huge", { headers: { "content-length": String(50 * 1024 * 1024) }, body: "" });
  // No Content-Length (chunked): the cap must be enforced while reading.
  web.set("/streamed-huge", (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    const chunk = Buffer.alloc(16 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < 40 && res.write(chunk)) sent++;
      if (sent < 40) res.once("drain", pump);
      else res.end();
    };
    pump();
  });
  web.set("/latin1-undeclared", { type: "text/html", body: Buffer.from([0x3c, 0x70, 0x3e, 0x43, 0x61, 0x66, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]) });
  web.set("/latin1-declared", { type: "text/html; charset=windows-1252", body: Buffer.from("<html><head><title>Caf\xe9</title></head><body><p>Caf\xe9 cr\xe8me, a review of a very short film.</p></body></html>", "latin1") });
  web.set("/plain", { type: "text/plain; charset=utf-8", body: "Just text about a film." });
  web.set("/empty", { body: "" });
  web.set("/untyped", { type: null, body: Buffer.from([1, 2, 3]) });
});
afterAll(() => web.close());

async function failure(path: string): Promise<string> {
  try {
    await readPage(web.url(path), fast);
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return (error as Error).message;
  }
  throw new Error(`${path} did not fail`);
}

describe("fetching a page", () => {
  it.each([
    ["/missing", /^HTTP 404 Not Found$/],
    ["/gone", /^HTTP 410 Gone$/],
    ["/slow", /^timed out after 0\.4 s$/],
    ["/doc.pdf", /^not an HTML page \(application\/pdf\)$/],
    ["/untyped", /^not an HTML page \(no content type\)$/],
    ["/loop-a", /^redirect loop: .*\/loop-a → .*\/loop-b → .*\/loop-a$/],
    ["/hop-0", /^too many redirects \(more than 3\)/],
    ["/no-location", /redirect without a Location header/],
    ["/declared-huge", /^too large: the server says 50 MB; the limit is 64 KB per page$/],
    ["/streamed-huge", /^too large: more than 64 KB \(the limit per page\); stopped reading$/],
    ["/latin1-undeclared", /not valid UTF-8/],
    ["/empty", /empty response/],
  ])("%s fails with a clear message", async (path, message) => {
    expect(await failure(path)).toMatch(message);
  });

  it("refuses other schemes and malformed URLs before any request", async () => {
    await expect(fetchResource("ftp://127.0.0.1/x", fast)).rejects.toThrow(/unsupported URL scheme "ftp:"/);
    await expect(fetchResource("http://", fast)).rejects.toThrow(/not a valid URL/);
  });

  it("says when nothing listens on the port", async () => {
    const closed = await startFixtureServer();
    const url = closed.url("/x");
    await closed.close();
    await expect(fetchResource(url, fast)).rejects.toThrow(/could not connect to 127\.0\.0\.1:\d+: connection refused/);
  });

  it("follows redirects within the limit and reports the final URL", async () => {
    const resource = await fetchResource(web.url("/moved"), fast);
    expect(resource.url).toBe(web.url("/time"));
    expect(resource.mediaType).toBe("text/html");
  });

  it("decodes a declared non-UTF-8 charset and reads plain text as is", async () => {
    expect((await readPage(web.url("/latin1-declared"), fast)).text).toContain("Café crème");
    expect(await readPage(web.url("/plain"), fast)).toMatchObject({ text: "Just text about a film.", url: web.url("/plain") });
  });
});

describe("page metadata", () => {
  it("reads headline, site, canonical URL and article:published_time; scripts are stripped, never run", async () => {
    const doc = await readPage(web.url("/reviews/glass-harbor"), fast);
    expect(doc).toMatchObject({
      headline: "Glass Harbor review: a lighthouse thriller that keeps its nerve",
      source: "Reel Ledger",
      url: web.url("/reviews/glass-harbor"),
      metadataDate: "2026-02-14T09:30:00+00:00",
      dateFrom: "article:published_time",
    });
    expect(doc.text).toContain("Odette Marsh is superb as the keeper");
    expect(doc.text).not.toMatch(/SCRIPT-RAN|document\.write|alert|Subscribe/);
  });

  it("falls back to JSON-LD datePublished (skipping malformed JSON-LD), then <time>", async () => {
    expect(await readPage(web.url("/jsonld"), fast)).toMatchObject({ metadataDate: "2026-01-20T12:00:00Z", dateFrom: "JSON-LD datePublished" });
    expect(await readPage(web.url("/time"), fast)).toMatchObject({ metadataDate: "2025-09-03", dateFrom: "<time datetime>" });
  });

  it("skips a date tag it cannot read, and says so", async () => {
    const doc = await readPage(web.url("/bad-date"), fast);
    expect(doc).toMatchObject({ metadataDate: "2025-11-12T08:00:00Z", dateFrom: "<time datetime>" });
    expect(doc.notes).toEqual([expect.stringMatching(/article:published_time "sometime next spring" is not a date/)]);
  });

  it("turns a fetched resource into a page only for HTML and text", () => {
    const resource = { url: "http://127.0.0.1/x", mediaType: "image/png", charset: null, body: new Uint8Array([1]) };
    expect(() => pageFromResource(resource)).toThrow("not an HTML page (image/png)");
  });
});
