// Feed parsing and recognition (no database: the bookkeeping is tested in tests/integration/sources.test.ts).
import { describe, expect, it } from "vitest";
import { entryKeys, looksLikeFeed, parseFeed } from "../../ingest/sources/feed";
import { webFixture } from "../helpers/fixture-server";

const BASE = "http://127.0.0.1:9";
const bytes = (s: string) => new TextEncoder().encode(s);

describe("parseFeed", () => {
  it("reads RSS 2.0 entries with guid, absolute link, date as written and full text apart from the description", async () => {
    const feed = await parseFeed(webFixture("feed-rss.xml", BASE), `${BASE}/feed.xml`);
    expect(feed.title).toBe("Reel Ledger");
    expect(feed.entries).toHaveLength(3);
    const [full, linked] = feed.entries;
    expect(full).toMatchObject({ guid: "reel-ledger-101", link: `${BASE}/reviews/harbor-second-look`, date: "Mon, 16 Feb 2026 18:00:00 +0000", summaryHtml: "A second viewing of Glass Harbor, with headphones on." });
    expect(full.contentHtml).toContain("this is a film built from sound");
    // An unreadable pubDate is passed on as written, so the analysis can say it could not read it.
    expect(linked).toMatchObject({ guid: "reel-ledger-102", date: "not a real date", contentHtml: null });
  });

  it("reads Atom entries: id as guid, <content> as full text, <summary> apart, published or updated as date", async () => {
    const feed = await parseFeed(webFixture("feed-atom.xml", BASE), `${BASE}/atom.xml`);
    expect(feed.title).toBe("Frame Rate Weekly");
    const [full, teaser] = feed.entries;
    expect(full).toMatchObject({ guid: "urn:uuid:frame-rate-weekly-entry-1", link: `${BASE}/interviews/serrat-after-dark`, date: "2026-01-22T08:00:00.000Z" });
    expect(full.contentHtml).toContain("<p>Paulo Serrat shot almost all of Night Orchard");
    expect(teaser).toMatchObject({ guid: "urn:uuid:frame-rate-weekly-entry-2", contentHtml: null, summaryHtml: "A short teaser of the interview.", date: "2026-01-24T08:00:00.000Z" });
  });

  it("resolves relative links against the feed URL", async () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>A</title><link>/a/b</link></item></channel></rss>`;
    const feed = await parseFeed(xml, "http://127.0.0.1:9/feeds/main.xml");
    expect(feed.entries[0].link).toBe("http://127.0.0.1:9/a/b");
  });

  it.each([
    ["unclosed tags", webFixture("feed-broken.xml", BASE), /^broken XML feed \(.+\)$/],
    ["XML that is no feed", "<?xml version=\"1.0\"?><catalog><book/></catalog>", /^broken XML feed \(Feed not recognized as RSS 1 or 2\.\)$/],
    ["not XML at all", "hello", /^broken XML feed \(Non-whitespace before first tag/],
  ])("refuses %s with a clear message", async (_what, xml, message) => {
    await expect(parseFeed(xml, BASE)).rejects.toThrow(message);
  });
});

describe("looksLikeFeed", () => {
  it.each([
    ["application/rss+xml", "", true],
    ["application/atom+xml", "", true],
    ["text/xml", '<?xml version="1.0"?>\n<!-- generated --><rss version="2.0">', true],
    ["text/html", '\uFEFF<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', true],
    ["application/xml", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', true],
    ["text/html", "<!doctype html><html><body><p>rss feed</p>", false],
    ["application/xml", '<?xml version="1.0"?><catalog/>', false],
  ])("%s starting %j → %s", (mediaType, body, expected) => {
    expect(looksLikeFeed({ mediaType, body: bytes(body) })).toBe(expected);
  });
});

describe("entryKeys", () => {
  const entry = { guid: null, link: null, title: "T", date: "2026-01-01", contentHtml: null, summaryHtml: "s" };
  it("keys an entry by guid and link, and by a hash of what it says when it has neither", () => {
    expect(entryKeys({ ...entry, guid: "g", link: "http://x/a" })).toEqual(["g", "http://x/a"]);
    expect(entryKeys({ ...entry, guid: "http://x/a", link: "http://x/a" })).toEqual(["http://x/a"]);
    const [hashed] = entryKeys(entry);
    expect(hashed).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(entryKeys({ ...entry, title: "Other" })[0]).not.toBe(hashed);
  });
});
