// Real sources end to end: article URLs, RSS/Atom feeds, CSV/JSONL imports and folders, through the
// CLI (or runIngest where a short fetch timeout is needed) into a real PostgreSQL. Pages and feeds
// come from a local server on 127.0.0.1.
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCommand } from "../../ingest/cli";
import { runIngest } from "../../ingest/run";
import { getDb, getPool } from "../../lib/db/client";
import { saveTitle } from "../../lib/store/titles";
import { lastJson, runCommand } from "../helpers/cli";
import { type FixtureServer, startFixtureServer, webFixture } from "../helpers/fixture-server";
import { useTestDatabase } from "../helpers/test-db";

useTestDatabase("sources");

type Report = {
  run: number;
  status: string;
  seen: number;
  stored: number;
  duplicates: number;
  failed: number;
  errors: { item: string; error: string }[];
  notes: { item: string; note: string }[];
};

let web: FixtureServer;

beforeAll(async () => {
  web = await startFixtureServer();
  // Server-side fetching refuses loopback unless allowed (lib/net/safeFetch.ts): allow this server only.
  process.env.HYPELINE_FETCH_ALLOW_HOSTS = new URL(web.base).host;
  const page = (route: string, fixture: string) => web.set(route, { body: webFixture(fixture, web.base) });
  page("/reviews/glass-harbor", "article-og.html");
  page("/news/orchard-teaser", "article-jsonld.html");
  page("/news/harbor-casting", "article-time.html");
  page("/2026/03/09/orchard-wraps", "article-nodate.html");
  page("/news/harbor-trailer", "article-baddate.html");
  page("/news/orchard-composer", "article-undated.html");
  page("/es/glass-harbor", "article-es.html");
  page("/news/orchard-festival", "feed-linked.html");
  page("/interviews/harbor-composer", "atom-linked.html");
  web.set("/atom.xml", { type: "application/atom+xml", body: webFixture("feed-atom.xml", web.base) });
  // A feed served as text/xml: recognised by its root element.
  web.set("/feed.xml", { type: "text/xml; charset=utf-8", body: webFixture("feed-rss.xml", web.base) });
  web.set("/broken.xml", { type: "application/rss+xml", body: webFixture("feed-broken.xml", web.base) });
  web.set("/slow", { body: "<p>late</p>", delayMs: 3000 });
  web.set("/loop-a", { status: 302, headers: { location: "/loop-b" } });
  web.set("/loop-b", { status: 302, headers: { location: "/loop-a" } });
  web.set("/press-kit.pdf", { type: "application/pdf", body: Buffer.from("%PDF-1.7") });
  web.set("/huge", { body: `<p>${"word ".repeat(30_000)}</p>` });
  await saveTitle({ name: "Glass Harbor", releaseDate: "2026-02-13" });
  await saveTitle({ name: "Night Orchard", releaseDate: "2026-10-09" });
});
afterAll(() => web?.close());

async function documentAt(url: string) {
  const db = await getDb();
  return db.document.findFirstOrThrow({ where: { url }, include: { source: true, title: true } });
}

async function ingest(args: string[]): Promise<{ code: number; report: Report; stdout: string }> {
  const result = await runCommand(ingestCommand, [...args, "--json"]);
  return { code: result.code, report: lastJson<Report>(result.stdout), stdout: result.stdout };
}

describe("article URLs", () => {
  it("extracts text and metadata, and stores how each date was known", async () => {
    const urls = {
      og: web.url("/reviews/glass-harbor?utm_source=newsletter"),
      jsonld: web.url("/news/orchard-teaser"),
      time: web.url("/news/harbor-casting"),
      path: web.url("/2026/03/09/orchard-wraps"),
      badTag: web.url("/news/harbor-trailer"),
      undated: web.url("/news/orchard-composer"),
    };
    const { code, report } = await ingest(Object.values(urls));
    expect(code).toBe(0);
    expect(report).toMatchObject({ status: "succeeded", seen: 6, stored: 6, failed: 0 });

    // article:published_time; the canonical link replaces the tracking URL; og:site_name is the source.
    const og = await documentAt(web.url("/reviews/glass-harbor"));
    expect(og).toMatchObject({ dateSource: "metadata", headline: "Glass Harbor review: a lighthouse thriller that keeps its nerve", kind: "review", phase: "reception" });
    expect(og.publishedAt?.toISOString().slice(0, 10)).toBe("2026-02-14");
    expect(og.source?.name).toBe("Reel Ledger");
    expect(og.title.name).toBe("Glass Harbor");
    expect(og.text).toContain("Odette Marsh is superb");
    expect(og.text).not.toMatch(/SCRIPT-RAN|document\.write|Leave a Reply/);

    const dated = async (url: string) => {
      const d = await documentAt(url);
      return [d.dateSource, d.publishedAt?.toISOString().slice(0, 10) ?? null, d.title.name];
    };
    expect(await dated(urls.jsonld)).toEqual(["metadata", "2026-01-20", "Night Orchard"]);
    expect(await dated(urls.time)).toEqual(["metadata", "2025-09-03", "Glass Harbor"]);
    expect(await dated(urls.path)).toEqual(["url", "2026-03-09", "Night Orchard"]);
    expect(await dated(urls.badTag)).toEqual(["metadata", "2025-11-12", "Glass Harbor"]);
    expect(await dated(urls.undated)).toEqual(["none", null, "Night Orchard"]);

    const notesFor = (url: string) => report.notes.filter((n) => n.item === url).map((n) => n.note);
    expect(notesFor(urls.badTag)).toContainEqual(expect.stringMatching(/^article:published_time "sometime next spring" is not a date it can read/));
    expect(notesFor(urls.undated)).toEqual([expect.stringMatching(/^Metadata date "TBA" is not a valid date/), expect.stringMatching(/^No publication date found/)]);
  });

  it("stores a non-English page with its language, unscored, with a note", async () => {
    const url = web.url("/es/glass-harbor");
    const { report } = await ingest([url, "--title", "Glass Harbor"]);
    expect(report).toMatchObject({ stored: 1, failed: 0 });
    expect(report.notes).toContainEqual({ item: url, note: expect.stringMatching(/^Written in Spanish \(es\): stored with its language but not scored/) });
    const doc = await documentAt(url);
    expect(doc).toMatchObject({ language: "es", stanceLabel: "neutral", stanceConfidence: 0, stanceScore: 0, evaluativeShare: 0 });
    const pool = await getPool();
    const { rows } = await pool.query("select count(*)::int as n, count(*) filter (where evaluative or score <> 0)::int as scored from sentences where document_id = $1", [doc.id]);
    expect(rows[0].n).toBe(doc.sentenceCount);
    expect(rows[0].scored).toBe(0);
  });

  it("gives each bad URL its own clear error and stores the rest", async () => {
    const good = web.url("/news/orchard-premiere");
    web.set("/news/orchard-premiere", { body: webFixture("feed-linked.html", web.base).replaceAll("heads to the autumn festivals", "sets a gala premiere").replace("will premiere in competition at two autumn festivals", "will open with a gala screening") });
    const report = await runIngest({
      targets: [web.url("/gone-for-good"), web.url("/slow"), web.url("/loop-a"), web.url("/press-kit.pdf"), web.url("/huge"), good],
      title: "Night Orchard",
      limits: { timeoutMs: 500, maxBytes: 100 * 1024, maxRedirects: 5 },
      startedBy: "test",
      request: "bad urls",
    });
    expect(report).toMatchObject({ status: "partial", seen: 6, stored: 1, failed: 5 });
    expect(Object.fromEntries(report.errors.map((e) => [new URL(e.item).pathname, e.error]))).toEqual({
      "/gone-for-good": "HTTP 404 Not Found",
      "/slow": "timed out after 0.5 s",
      "/loop-a": `redirect loop: ${web.url("/loop-a")} → ${web.url("/loop-b")} → ${web.url("/loop-a")}`,
      "/press-kit.pdf": "not an HTML page (application/pdf)",
      "/huge": expect.stringMatching(/^too large: .*100 KB.*per page/),
    });
    const db = await getDb();
    const items = await db.ingestRunItem.findMany({ where: { runId: report.run }, orderBy: { id: "asc" } });
    expect(items.map((i) => i.status)).toEqual(["failed", "failed", "failed", "failed", "failed", "stored"]);
    expect(items[0].error).toBe("HTTP 404 Not Found");
  });

  it("prints a plain line per item and an end table when not on a terminal", async () => {
    const url = web.url("/reviews/glass-harbor");
    const result = await runCommand(ingestCommand, [url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${url.replace(/[.?]/g, "\\$&")}: duplicate #\\d+ \\(Glass Harbor, 2026-02-14 \\(article:published_time\\)\\)$`, "m"));
    expect(result.stdout).toMatch(/Run #\d+ succeeded in [\d.]+ s/);
    expect(result.stdout).toContain('{"seen":1,"stored":0,"duplicates":1,"failed":0}');
  });
});

describe("feeds", () => {
  it("ingests new entries, skips seen ones by guid/link and content hash, and retries failed ones", async () => {
    const feedUrl = web.url("/feed.xml");
    const first = await ingest([feedUrl, "--title", "Glass Harbor"]);
    expect(first.report).toMatchObject({ seen: 3, stored: 2, failed: 1 });
    expect(first.report.errors).toEqual([{ item: web.url("/news/missing-story"), error: "HTTP 404 Not Found" }]);
    expect(first.report.notes).toContainEqual({ item: feedUrl, note: 'feed "Reel Ledger": 3 entries, 3 new, 0 already seen (skipped)' });
    // Entry 101 carries its full text: used as is, its link never fetched. Entry 102 is a teaser: its page is fetched.
    expect(web.hits("/reviews/harbor-second-look")).toBe(0);
    expect(web.hits("/news/orchard-festival")).toBeGreaterThanOrEqual(1);
    const fetchedBefore = web.hits("/news/orchard-festival");
    const full = await documentAt(web.url("/reviews/harbor-second-look"));
    expect(full.text).toContain("this is a film built from sound");
    expect(full.text).not.toContain("SCRIPT-RAN");
    expect([full.dateSource, full.publishedAt?.toISOString().slice(0, 10)]).toEqual(["metadata", "2026-02-16"]);
    expect(full.source?.name).toBe("Reel Ledger");
    // "not a real date" in the feed and no date on the page: undated, and the report says why.
    expect((await documentAt(web.url("/news/orchard-festival"))).dateSource).toBe("none");
    expect(first.report.notes).toContainEqual({ item: web.url("/news/orchard-festival"), note: expect.stringMatching(/^Metadata date "not a real date" is not a valid date/) });

    const pool = await getPool();
    const seenKeys = async () => (await pool.query<{ guid: string; document_id: number | null }>("select guid, document_id from feed_items order by guid")).rows;
    expect((await seenKeys()).map((r) => r.guid)).toEqual([web.url("/news/orchard-festival"), web.url("/reviews/harbor-second-look"), "reel-ledger-101", "reel-ledger-102"]);
    expect((await seenKeys()).every((r) => r.document_id !== null)).toBe(true);

    // Second poll: the missing page is up now, one entry is new, one new entry is a copy of a stored text.
    web.set("/news/missing-story", { body: webFixture("feed-linked.html", web.base).replaceAll("Night Orchard heads to the autumn festivals", "Glass Harbor has a quiet opening weekend").replace("will premiere in competition at two autumn festivals", "earned a modest sum in its first weekend") });
    web.set("/news/orchard-trailer-two", { body: webFixture("feed-trailer-two.html", web.base) });
    web.set("/news/orchard-festival-syndicated", { body: webFixture("feed-linked.html", web.base) });
    const copy = `<item><title>Syndicated copy</title><link>${web.url("/news/orchard-festival-syndicated")}</link><guid>partner-77</guid></item>`;
    web.set("/feed.xml", { type: "text/xml", body: webFixture("feed-rss.xml", web.base).replace("<!-- NEW ITEMS -->", webFixture("feed-rss-new-item.xml", web.base) + copy) });
    const second = await ingest([feedUrl, "--title", "Glass Harbor"]);
    expect(second.report).toMatchObject({ seen: 3, stored: 2, duplicates: 1, failed: 0 });
    expect(second.report.notes).toContainEqual({ item: feedUrl, note: 'feed "Reel Ledger": 5 entries, 3 new, 2 already seen (skipped)' });
    expect(web.hits("/news/orchard-festival")).toBe(fetchedBefore);
    expect(web.hits("/reviews/harbor-second-look")).toBe(0);

    // Third poll: nothing new, nothing fetched, nothing stored.
    const fetches = web.hits("/news/orchard-festival-syndicated") + web.hits("/news/orchard-trailer-two") + web.hits("/news/missing-story");
    const third = await ingest([feedUrl, "--title", "Glass Harbor"]);
    expect(third.report).toMatchObject({ status: "succeeded", seen: 0, stored: 0, duplicates: 0, failed: 0 });
    expect(web.hits("/news/orchard-festival-syndicated") + web.hits("/news/orchard-trailer-two") + web.hits("/news/missing-story")).toBe(fetches);
    const db = await getDb();
    const feed = await db.feed.findUniqueOrThrow({ where: { url: feedUrl } });
    expect(feed).toMatchObject({ everyMinutes: 0, lastError: null });
    expect(feed.lastPolledAt).not.toBeNull();
  });

  it("reads Atom: full <content> used, teaser entries fetched, the entry's date filling a page without one", async () => {
    const { report } = await ingest([web.url("/atom.xml"), "--title", "Night Orchard"]);
    expect(report).toMatchObject({ seen: 2, stored: 2, failed: 0 });
    expect(web.hits("/interviews/serrat-after-dark")).toBe(0);
    const full = await documentAt(web.url("/interviews/serrat-after-dark"));
    expect(full.source?.name).toBe("Frame Rate Weekly");
    expect(full.publishedAt?.toISOString().slice(0, 10)).toBe("2026-01-22");
    const linked = await documentAt(web.url("/interviews/harbor-composer"));
    expect([linked.dateSource, linked.publishedAt?.toISOString().slice(0, 10)]).toEqual(["metadata", "2026-01-24"]);
    expect(report.notes).toContainEqual({ item: web.url("/interviews/serrat-after-dark"), note: expect.stringMatching(/^full text taken from the feed \(\d+ words\), link not fetched$/) });
  });

  it("reports a broken XML feed as one failed item and records the error on the feed", async () => {
    const url = web.url("/broken.xml");
    const { code, report } = await ingest([url, "--title", "Night Orchard"]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ status: "failed", seen: 1, failed: 1 });
    expect(report.errors[0]).toEqual({ item: url, error: expect.stringMatching(/^broken XML feed \(.+\)$/) });
    const db = await getDb();
    expect((await db.feed.findUniqueOrThrow({ where: { url } })).lastError).toMatch(/^broken XML feed/);
  });
});

describe("files, folders and exports", () => {
  it("gives each bad file or record its own error and stores the rest", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hypeline-sources-"));
    writeFileSync(path.join(dir, "empty.txt"), "");
    writeFileSync(path.join(dir, "binary.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    writeFileSync(path.join(dir, "latin1.txt"), Buffer.from("Glass Harbor est un caf\xe9 noir.", "latin1"));
    // 50 MB, sparse: refused from its size before a byte is read.
    writeFileSync(path.join(dir, "huge.txt"), "Glass Harbor ");
    truncateSync(path.join(dir, "huge.txt"), 50 * 1024 * 1024);
    writeFileSync(path.join(dir, "scripts.html"), webFixture("article-og.html", "http://127.0.0.1:9").replace("2026-02-14T09:30:00+00:00", "2026-02-15").replace("Glass Harbor is the rare", "Glass Harbor, seen again at a festival, is the rare"));
    writeFileSync(
      path.join(dir, "records.jsonl"),
      [
        JSON.stringify({ text: "Glass Harbor is tense and beautifully made. Odette Marsh is superb and the sound design is astonishing.", date: "2026-02-20", kind: "review" }),
        "{\"text\": \"unterminated",
        JSON.stringify({ text: "Glass Harbor arrives soon. The trailer promises a gripping storm-bound thriller.", date: "the week after next" }),
        JSON.stringify({ text: "Glass Harbor es uno de esos thrillers de tormenta que confían en el silencio. La directora deja a una farera y a su hermano aislados en una roca frente a la costa durante una larga noche de invierno, y el final se queda contigo." }),
      ].join("\n"),
    );
    // Not a document type: a folder's other files are passed over, not reported.
    writeFileSync(path.join(dir, "cover.png"), Buffer.from([0x89, 0x50]));

    const { code, report } = await ingest([dir, "--title", "Glass Harbor"]);
    expect(code).toBe(2);
    const byItem = Object.fromEntries(report.errors.map((e) => [path.basename(e.item), e.error]));
    expect(byItem).toEqual({
      "binary.md": expect.stringMatching(/^binary file \(contains NUL bytes\)/),
      "empty.txt": "empty file",
      "huge.txt": "file is 50.0 MB; one document may be at most 5 MB (split it, or use JSONL with one document per line)",
      "latin1.txt": "not valid UTF-8: re-save the file as UTF-8",
      "records.jsonl:2": expect.stringMatching(/^malformed JSON \(/),
    });
    expect(report).toMatchObject({ seen: 9, stored: 4, failed: 5 });

    const db = await getDb();
    const html = await db.document.findFirstOrThrow({ where: { text: { contains: "seen again at a festival" } } });
    expect(html.text).not.toMatch(/SCRIPT-RAN|document\.write|alert/);
    expect(html.publishedAt?.toISOString().slice(0, 10)).toBe("2026-02-15");
    const vague = await db.document.findFirstOrThrow({ where: { text: { contains: "storm-bound thriller." } } });
    expect([vague.dateSource, vague.publishedAt]).toEqual(["none", null]);
    expect(report.notes).toContainEqual({ item: `${path.join(dir, "records.jsonl")}:3`, note: expect.stringMatching(/^Metadata date "the week after next" is not a valid date/) });
    const spanish = await db.document.findFirstOrThrow({ where: { text: { contains: "thrillers de tormenta" } } });
    expect(spanish).toMatchObject({ language: "es", stanceLabel: "neutral", stanceConfidence: 0 });

    const again = await ingest([dir, "--title", "Glass Harbor"]);
    expect(again.report).toMatchObject({ stored: 0, duplicates: 4, failed: 5 });
  });

  it("imports CSV and JSONL exports with --map, one error per bad row", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hypeline-export-"));
    writeFileSync(
      path.join(dir, "listening.csv"),
      [
        "post_id,body,published,film,outlet",
        '1,"Night Orchard looks gorgeous. The teaser is eerie, patient and beautifully lit, and we can\'t wait.",2026-01-21,Night Orchard,Social Desk',
        '2,"Glass Harbor, at last: a tense, superb thriller with an astonishing sound design.",2026-02-14,Glass Harbor,Social Desk',
        "3,too,many,cells,here,really",
        '4,"Night Orchard gets a date. It opens on October 9, 2026.",,Night Orchard,',
      ].join("\r\n"),
    );
    writeFileSync(path.join(dir, "tool.jsonl"), `${JSON.stringify({ body: "Glass Harbor's storm sequences are thrilling, and Odette Marsh is terrific.", published: "2026-02-18", film: "Glass Harbor", outlet: "Export Tool" })}\n${JSON.stringify({ content: "no body column" })}\n`);

    const { report } = await ingest([dir, "--map", "text=body,date=published,title=film,source=outlet"]);
    expect(report).toMatchObject({ seen: 6, stored: 4, failed: 2 });
    expect(Object.fromEntries(report.errors.map((e) => [path.basename(e.item), e.error]))).toEqual({
      "listening.csv:4": expect.stringMatching(/^malformed CSV row \(Invalid Record Length: columns length is 5, got 6/),
      "tool.jsonl:2": 'column "body" (mapped to text by --map) is missing; this record has: content',
    });
    const db = await getDb();
    const docs = await db.document.findMany({ where: { ingestRunId: report.run }, include: { source: true, title: true }, orderBy: { id: "asc" } });
    expect(docs.map((d) => [d.title.name, d.publishedAt?.toISOString().slice(0, 10) ?? null, d.dateSource, d.source?.name ?? null])).toEqual([
      ["Night Orchard", "2026-01-21", "metadata", "Social Desk"],
      ["Glass Harbor", "2026-02-14", "metadata", "Social Desk"],
      ["Night Orchard", null, "none", null],
      ["Glass Harbor", "2026-02-18", "metadata", "Export Tool"],
    ]);

    const bad = await runCommand(ingestCommand, [dir, "--map", "txt=body"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--map "txt=body": unknown field "txt"/);
  });

  it("takes any mix of folders, pages and feeds in one command; a re-run stores nothing new", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hypeline-mix-"));
    writeFileSync(path.join(dir, "note.md"), "Night Orchard will close the autumn festival. Programmers call it eerie, tender and unforgettable.");
    const targets = [dir, web.url("/news/orchard-teaser"), web.url("/atom.xml"), web.url("/feed.xml")];
    const first = await ingest([...targets, "--title", "Night Orchard"]);
    expect(first.report).toMatchObject({ seen: 2, stored: 1, duplicates: 1, failed: 0 });
    expect(first.report.notes.filter((n) => n.note.startsWith("feed "))).toHaveLength(2);
    const second = await ingest([...targets, "--title", "Night Orchard"]);
    expect(second.report).toMatchObject({ status: "succeeded", stored: 0, duplicates: 2, failed: 0 });
    // The progress bar's estimate: 1 per file and page, each feed corrected to its new entries (none now).
    let expected = 0;
    const third = await runIngest({ targets, title: "Night Orchard", startedBy: "test", request: "mix", onExpected: (more) => (expected += more) });
    expect([expected, third.seen]).toEqual([2, 2]);
  });
});
