import { describe, expect, it } from "vitest";
import { agreesWithRelease, claimIsAboutTitle, extractClaims } from "../../lib/analysis/claims";

const claimsOf = (text: string, publishedAt: string | null = "2025-03-20", headline: string | null = null) =>
  extractClaims({ sentences: [{ index: 0, text }], headline, publishedAt }).map((c) => [c.kind, c.value]);

describe("extractClaims: release date", () => {
  it.each([
    ["Ballerina is set to hit theaters on June 6, 2025.", "2025-06-06"],
    ["is scheduled to premiere in theaters on June 6, 2025.", "2025-06-06"],
    ["Release Date: June 7, 2024", "2024-06-07"],
    ["Release Date\nJune 6, 2025", "2025-06-06"],
    ["Signal Fire opens Friday, August 15, against several holdovers.", "2025-08-15"],
    ["Harbor Lights arrives October 3.", "2025-10-03"],
    ["With two months to go before its June 6 release, it has momentum.", "2025-06-06"],
    ["Lionsgate's Ballerina is holding firm on a June 6, 2025 theatrical release.", "2025-06-06"],
    ["Ironclad Pictures has moved Signal Fire, its horror film, off its spring date and onto August 15, 2025.", "2025-08-15"],
    ["The release date is 2025-06-06.", "2025-06-06"],
  ])("%s → %s", (text, iso) => {
    expect(claimsOf(text)).toEqual([["release_date", iso]]);
  });

  it("gives a yearless date the first year no more than 60 days before publication, and skips it when undated", () => {
    expect(claimsOf("It opens in theaters on Friday, March 24.", "2022-11-11")).toEqual([["release_date", "2023-03-24"]]);
    expect(claimsOf("It opens in theaters on Friday, March 24.", "2023-03-27")).toEqual([["release_date", "2023-03-24"]]);
    expect(claimsOf("It opens in theaters on Friday, March 24.", null)).toEqual([]);
    // Seven months ahead is the coming date, not last year's (which is nearer).
    expect(claimsOf("Harbor Lights arrives October 3.", "2025-03-01")).toEqual([["release_date", "2025-10-03"]]);
  });

  it("does not read a festival premiere, a box-office opening or 'may' the verb as a release date", () => {
    expect(claimsOf("Harbor Lights premieres at Toronto on September 7, 2025.")).toEqual([]);
    expect(claimsOf("Ballerina opens to about $25 million.")).toEqual([]);
    expect(claimsOf("The sequel opens may 5 depending on tracking.")).toEqual([]);
    expect(claimsOf("June 6 cannot come soon enough.")).toEqual([]);
  });
});

describe("extractClaims: director, runtime, cast, headline year", () => {
  it.each([
    ["Directed by Len Wiseman, Ballerina sees the return of Ian McShane.", ["director", "len wiseman"]],
    ["Ballerina is directed by Len Wiseman, known for Underworld.", ["director", "len wiseman"]],
    ["Director: Len Wiseman", ["director", "len wiseman"]],
    ["Director Jonah Teskey said the marketing kept the monster hidden.", ["director", "jonah teskey"]],
    ["Runtime: 2h 3min", ["runtime", "123"]],
    ["The runtime has been confirmed at 169 minutes.", ["runtime", "169"]],
    ["Even the 169-minute runtime did not hold it back.", ["runtime", "169"]],
    ["At 169 minutes, it is longer than most superhero epics.", ["runtime", "169"]],
    ["The runtime is 128 minutes.", ["runtime", "128"]],
  ])("%s → %j", (text, claim) => {
    expect(claimsOf(text)).toEqual([claim]);
  });

  it("does not take a character called The Director, or a lone duration, as a claim", () => {
    expect(claimsOf("Anjelica Huston is back as The Director (her best role).")).toEqual([["cast", "anjelica huston"]]);
    expect(claimsOf("The Director (Anjelica Huston) warns her.")).toEqual([]);
    expect(claimsOf("The middle section could lose ten minutes.")).toEqual([]);
    expect(claimsOf("They do not talk about things for 128 minutes.")).toEqual([]);
  });

  it("reads a Starring list and 'X plays Y' as cast, without the '(cameo)' note or the character", () => {
    expect(claimsOf("Starring: Ana de Armas, Keanu Reeves (cameo), Anjelica Huston")).toEqual([
      ["cast", "ana de armas"],
      ["cast", "keanu reeves"],
      ["cast", "anjelica huston"],
    ]);
    expect(claimsOf("Gabriel Byrne plays Marius Kravchenko, a retired enforcer.")).toEqual([["cast", "gabriel byrne"]]);
  });

  it("reads a year in brackets in the headline", () => {
    const claims = extractClaims({ sentences: [], headline: "Ballerina: A John Wick Story (2024)", publishedAt: null });
    expect(claims).toEqual([{ kind: "year", value: "2024", display: "2024", quote: "Ballerina: A John Wick Story (2024)", sentenceIndex: null, subject: "Ballerina: A John Wick Story", trigger: "" }]);
  });

  it("keeps each claim's sentence and quote, one line of a credits box at a time", () => {
    const [director, runtime] = extractClaims({ sentences: [{ index: 4, text: "Genre: Action\nDirector: Len Wiseman\nRuntime: 2h 3min" }], publishedAt: null });
    expect(director).toMatchObject({ sentenceIndex: 4, quote: "Director: Len Wiseman", display: "Len Wiseman" });
    expect(runtime).toMatchObject({ sentenceIndex: 4, quote: "Runtime: 2h 3min", display: "123 min" });
  });
});

describe("claimIsAboutTitle", () => {
  const names = ["Ballerina", "From the World of John Wick: Ballerina"];
  const about = (text: string) => claimIsAboutTitle(extractClaims({ sentences: [{ index: 0, text }], publishedAt: "2025-01-10" })[0], names);

  it("keeps claims that name the title or nothing, drops claims about another work", () => {
    expect(about("Ballerina is set to hit theaters on June 6, 2025.")).toBe(true);
    expect(about("The highly anticipated film opens in theaters on Friday, June 6.")).toBe(true);
    expect(about("Release Date: June 6, 2025")).toBe(true);
    expect(about("With five months to go until John Wick: Chapter 4 arrives on March 24, 2023, here is the cast.")).toBe(false);
    expect(about("The first John Wick ran about 100 minutes.")).toBe(false);
  });
});

describe("agreesWithRelease", () => {
  it("compares release dates and headline years with the registered date", () => {
    expect(agreesWithRelease("release_date", "2025-06-06", "2025-06-06")).toBe(true);
    expect(agreesWithRelease("release_date", "2024-06-07", "2025-06-06")).toBe(false);
    expect(agreesWithRelease("year", "2024", "2025-06-06")).toBe(false);
    expect(agreesWithRelease("runtime", "123", "2025-06-06")).toBeNull();
    expect(agreesWithRelease("release_date", "2025-06-06", null)).toBeNull();
  });
});
