import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dateFromUrl, findDate, isIsoDay, parseLooseDate, splitLeadingDateMarker } from "../../lib/analysis/dates";

const seedsDir = path.resolve(process.cwd(), "../shared/seeds");
const seed = (prefix: string) => {
  const file = existsSync(seedsDir) ? readdirSync(seedsDir).find((f) => f.startsWith(prefix)) : undefined;
  return file ? readFileSync(path.join(seedsDir, file), "utf8") : "";
};

describe("parseLooseDate", () => {
  it.each([
    ["2025-06-06", "2025-06-06"],
    ["2025/6/6", "2025-06-06"],
    ["2025-03-20T10:00:00Z", "2025-03-20"],
    ["2025-03-20T23:30:00-05:00", "2025-03-20"],
    ["2025-03-20 10:00 EST", "2025-03-20"],
    ["June 6, 2025", "2025-06-06"],
    ["Jun. 6th 2025", "2025-06-06"],
    ["Sept 3, 2024", "2024-09-03"],
    ["6 June 2025", "2025-06-06"],
    ["6th of June, 2025", "2025-06-06"],
    ["Friday, March 21, 2025 10:30 AM", "2025-03-21"],
    ["Thu, 06 Jun 2025 10:00:00 +0000", "2025-06-06"],
    ["  June   6,  2025 ", "2025-06-06"],
    ["06/20/2025", "2025-06-20"],
    ["20/06/2025", "2025-06-20"],
    ["2024-02-29", "2024-02-29"],
  ])("%j → %s", (input, expected) => {
    expect(parseLooseDate(input)).toBe(expected);
  });

  it.each([
    ["a day that does not exist", "2025-02-30"],
    ["29 February outside a leap year", "2025-02-29"],
    ["month 13", "2025-13-01"],
    ["year before 1900", "1899-12-31"],
    ["year after 2100", "2101-01-01"],
    ["ambiguous day/month", "03/05/2025"],
    ["month without a day", "June 2025"],
    ["a date inside a sentence", "set to hit theaters on June 6, 2025"],
    ["not a date", "soon"],
    ["empty", ""],
  ])("rejects %s (%j)", (_, input) => {
    expect(parseLooseDate(input)).toBeNull();
  });
});

describe("isIsoDay", () => {
  it.each([
    ["2025-06-06", true],
    ["2025-02-30", false],
    ["2025-6-6", false],
    ["June 6, 2025", false],
  ])("%j → %s", (input, expected) => {
    expect(isIsoDay(input)).toBe(expected);
  });
});

describe("splitLeadingDateMarker", () => {
  it.each([
    ["lower-case marker on the same line as the text", " date 2025-03-20 The first trailer", "2025-03-20", "The first trailer"],
    ["Date: with a long month", "Date: March 20, 2025\nBody text.", "2025-03-20", "Body text."],
    ["Published: day-first", "Published: 20 March 2025\nBody text.", "2025-03-20", "Body text."],
    ["Posted on with a time", "Posted on June 1, 2025 at 9:00\nBody.", "2025-06-01", "Body."],
    ["a bare ISO date set off by a dash", "2025-03-20 — Body text.", "2025-03-20", "Body text."],
    ["a bare date alone on the first line", "March 20, 2025\nBody text.", "2025-03-20", "Body text."],
    ["after a BOM and zero-width space", "\ufeff\u200bDate: 2025-03-20\nBody.", "2025-03-20", "Body."],
  ])("%s", (_, text, date, rest) => {
    const marker = splitLeadingDateMarker(text);
    expect(marker?.date).toBe(date);
    expect(marker?.rest).toBe(rest);
  });

  it("keeps an invalid marked date out of the date but still strips the marker", () => {
    expect(splitLeadingDateMarker("date 2025-02-30 Body.")).toEqual({ date: null, marker: "date 2025-02-30", rest: "Body." });
  });

  it.each([
    ["a bare date that starts a sentence", "June 6, 2025 is when Ballerina opens."],
    ["a date later in the first line", "Ballerina is set to hit theaters on June 6, 2025."],
    ["a date on the second line", "The first trailer is out.\nDate: 2025-03-20"],
    ["a marker word with no date", "Date night: Ballerina is the pick."],
  ])("finds no marker in %s", (_, text) => {
    expect(splitLeadingDateMarker(text)).toBeNull();
  });
});

describe("dateFromUrl", () => {
  it.each([
    ["https://example.com/2025/03/20/ballerina-trailer/", "2025-03-20"],
    ["https://example.com/news/2025-03-20-ballerina", "2025-03-20"],
    ["/2025/3/7/slug", "2025-03-07"],
    ["https://example.com/ballerina?from=2025/03/20/", null],
    ["https://example.com/2025/02/30/slug", null],
    ["https://example.com/movies/ballerina-review", null],
  ])("%s → %s", (url, expected) => {
    expect(dateFromUrl(url)).toBe(expected);
  });
});

describe("findDate", () => {
  const text = "Date: March 20, 2025\nBallerina is set to hit theaters on June 6, 2025.";

  it("prefers metadata, and still removes the text marker", () => {
    const found = findDate({ metadataDate: "2025-03-19T08:00:00Z", text, url: "https://x.test/2025/03/18/a", cliDate: "2025-03-17" });
    expect(found).toEqual({
      publishedAt: "2025-03-19",
      dateSource: "metadata",
      rest: "Ballerina is set to hit theaters on June 6, 2025.",
      warnings: [],
    });
  });

  it("falls through an unparseable metadata date to the text, and says so", () => {
    const found = findDate({ metadataDate: "last Tuesday", text });
    expect(found.publishedAt).toBe("2025-03-20");
    expect(found.dateSource).toBe("text");
    expect(found.warnings).toHaveLength(1);
    expect(found.warnings[0]).toContain("last Tuesday");
  });

  it("uses the URL when metadata and text have none", () => {
    const found = findDate({ text: "No date here.", url: "https://x.test/2025/03/18/a", cliDate: "2025-03-17" });
    expect([found.publishedAt, found.dateSource]).toEqual(["2025-03-18", "url"]);
  });

  it("uses --date last", () => {
    const found = findDate({ text: "No date here.", url: "https://x.test/news/a", cliDate: "2025-03-17" });
    expect([found.publishedAt, found.dateSource]).toEqual(["2025-03-17", "cli"]);
  });

  it("reports an invalid --date and leaves the document undated", () => {
    const found = findDate({ text: "No date here.", cliDate: "2025-02-30" });
    expect([found.publishedAt, found.dateSource]).toEqual([null, "none"]);
    expect(found.warnings[0]).toContain("2025-02-30");
  });

  it("reports an invalid text marker and moves on to the next source", () => {
    const found = findDate({ text: "date 2025-02-30 Body.", cliDate: "2025-03-01" });
    expect([found.publishedAt, found.dateSource, found.rest]).toEqual(["2025-03-01", "cli", "Body."]);
    expect(found.warnings[0]).toContain("2025-02-30");
  });

  it("never takes a date from the body, and never the current time", () => {
    const found = findDate({ text: "Ballerina is set to hit theaters on June 6, 2025.\nPublished: today" });
    expect(found).toEqual({ publishedAt: null, dateSource: "none", rest: found.rest, warnings: [] });
    expect(found.rest).toBe("Ballerina is set to hit theaters on June 6, 2025.\nPublished: today");
  });
});

describe("findDate on the real seeds", () => {
  it.skipIf(!existsSync(seedsDir))("000 is dated 2025-03-20 by its leading marker, which is removed", () => {
    const found = findDate({ text: seed("000_") });
    expect([found.publishedAt, found.dateSource]).toEqual(["2025-03-20", "text"]);
    expect(found.rest.startsWith("The first Ballerina trailer")).toBe(true);
    expect(found.rest).not.toContain("date 2025-03-20");
  });

  it.skipIf(!existsSync(seedsDir))("001 is undated; the June 6, 2025 in its body is not a publication date", () => {
    expect(findDate({ text: seed("001_") })).toMatchObject({ publishedAt: null, dateSource: "none" });
    expect(findDate({ text: seed("001_"), cliDate: "2025-04-02" })).toMatchObject({ publishedAt: "2025-04-02", dateSource: "cli" });
  });

  it.skipIf(!existsSync(seedsDir))("002 is undated; its 'Release Date: June 7, 2024' line is not a publication date", () => {
    expect(findDate({ text: seed("002_") })).toMatchObject({ publishedAt: null, dateSource: "none" });
  });
});
