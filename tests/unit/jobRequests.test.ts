import { describe, expect, it } from "vitest";
import { presentedToken, tokenMatches } from "../../lib/auth/adminToken";
import { addFeedRequestSchema, formatEvery, parseEvery, queueIngestRequestSchema } from "../../lib/jobs/requests";

describe("parseEvery / formatEvery", () => {
  it.each([
    ["30m", 30],
    ["6h", 360],
    ["1d", 1440],
    [" 90M ", 90],
    ["30d", 43200],
  ])("%j → %i minutes", (value, minutes) => expect(parseEvery(value)).toBe(minutes));

  it.each([
    ["6x", /not an interval: write a number and m, h or d/],
    ["6", /not an interval/],
    ["h", /not an interval/],
    ["-1h", /not an interval/],
    ["4m", /too often: poll at most every 5m/],
    ["31d", /too rare/],
  ])("%j is refused with a message saying what to write", (value, message) => expect(() => parseEvery(value)).toThrow(message));

  it.each([
    [360, "6h"],
    [90, "90m"],
    [1440, "1d"],
    [2880, "2d"],
    [0, "not scheduled"],
  ])("%i minutes → %j", (minutes, text) => expect(formatEvery(minutes)).toBe(text));
});

describe("request schemas", () => {
  it.each(["file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/feed", "/var/data", "example.com/feed.xml", ""])("refuse %j: only http(s) addresses", (target) => {
    expect(queueIngestRequestSchema.safeParse({ target }).success).toBe(false);
    expect(addFeedRequestSchema.safeParse({ url: target, every: "6h" }).success).toBe(false);
  });

  it("treat empty optional fields as not given, and refuse unknown ones", () => {
    expect(queueIngestRequestSchema.parse({ target: " https://example.com/a ", title: " ", kind: "" })).toEqual({ target: "https://example.com/a" });
    expect(queueIngestRequestSchema.safeParse({ target: "https://example.com/a", startedBy: "me" }).success).toBe(false);
    expect(addFeedRequestSchema.parse({ url: "https://example.com/feed.xml", title: "Ballerina", every: "6h" })).toEqual({ url: "https://example.com/feed.xml", title: "Ballerina", every: 360 });
  });
});

describe("admin token", () => {
  const request = (headers: Record<string, string>, url = "http://127.0.0.1/api/jobs") => new Request(url, { headers });

  it.each([
    [{ authorization: "Bearer abc" }, "abc"],
    [{ authorization: "bearer   abc  " }, "abc"],
    [{ "x-hypeline-admin-token": " abc " }, "abc"],
    [{ authorization: "Basic abc" }, null],
    [{ authorization: "Bearer a b" }, null],
    [{}, null],
  ])("%j presents %j", (headers, token) => expect(presentedToken(request(headers))).toBe(token));

  it("never reads the token from the query string", () => expect(presentedToken(request({}, "http://127.0.0.1/api/jobs?token=abc&x-hypeline-admin-token=abc"))).toBeNull());

  it.each([
    ["correct-horse-battery-staple", true],
    ["correct-horse-battery-stapl", false],
    ["correct-horse-battery-staplf", false],
    ["", false],
  ])("%j matches: %j", (presented, ok) => expect(tokenMatches(presented, "correct-horse-battery-staple")).toBe(ok));

  it("a missing token never matches, even an empty expected one", () => expect(tokenMatches(null, "")).toBe(false));
});
