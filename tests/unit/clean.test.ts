import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanText, isBoilerplateLine, normalizeCharacters } from "../../lib/analysis/clean";

const seedsDir = path.resolve(process.cwd(), "../shared/seeds");
const seed = (prefix: string) => {
  const file = existsSync(seedsDir) ? readdirSync(seedsDir).find((f) => f.startsWith(prefix)) : undefined;
  return file ? readFileSync(path.join(seedsDir, file), "utf8") : "";
};
const countOf = (text: string, needle: string) => text.split(needle).length - 1;

describe("normalizeCharacters", () => {
  it.each([
    ["CRLF line endings", "a\r\nb\rc", "a\nb\nc"],
    ["NBSP and narrow NBSP", "Ballerina\u00a0is\u202fhere", "Ballerina is here"],
    ["C1 en dash U+0096", "Chapter 3 \u0096 Parabellum", "Chapter 3 – Parabellum"],
    ["C1 ellipsis U+0085", "wait\u0085", "wait…"],
    ["C1 em dash U+0097", "grace\u0097and", "grace—and"],
    ["C1 quotes U+0091/U+0092", "\u0091Wick\u0092s", "‘Wick’s"],
    ["zero-width characters and BOM", "\ufeffJohn\u200b Wick\u2060", "John Wick"],
    ["trailing spaces on lines", "line one  \nline two\t", "line one\nline two"],
  ])("%s", (_, input, expected) => {
    expect(normalizeCharacters(input)).toBe(expected);
  });
});

describe("isBoilerplateLine", () => {
  it.each([
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Required fields are marked *",
    "Source link",
    "Related Posts",
    "Share this:",
    "Subscribe to our newsletter",
    "Sign up for our newsletter to get the latest trailers first.",
    "Click to share on Twitter (Opens in new window)",
    "Follow us on Instagram",
    "Advertisement",
    "ADVERTISEMENT - scroll to continue",
    "We use cookies to give you the best experience on our site.",
    "By continuing to use this site you accept our cookie policy.",
    "Read more: Ballerina trailer breakdown",
    "© 2025 Screen Rant. All rights reserved.",
    "Copyright 2025 Valnet Inc.",
    "  • Share this",
  ])("removes %j", (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    "Keanu Reeves did not reply to our request for comment.",
    "Fans can email the studio to ask for an early screening.",
    "The studio's newsletter first announced the release date, and fans went wild.",
    "Read more about the stunt team in our interview with Chad Stahelski.",
    "Cookie-cutter spin-offs rarely work, but this one might.",
    "Share the love: Ballerina is the best action film of the year.",
    "Ballerina: A John Wick Story (2024)",
    "",
  ])("keeps %j", (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });
});

describe("cleanText", () => {
  it("drops boilerplate paragraphs and lines but keeps the rest of a paragraph", () => {
    const raw = "Ballerina opens in June.\n\nShare this:\nFacebook\nTwitter\n\nThe cast is strong.\nSource link\n\nLeave a Reply";
    const result = cleanText(raw);
    expect(result.text).toBe("Ballerina opens in June.\n\nThe cast is strong.");
    expect(result.removedBoilerplate).toBe(5);
  });

  it("keeps prose that merely mentions a reply or an email", () => {
    const raw = "Reeves did not reply to our email.\n\nLeave a Reply";
    expect(cleanText(raw).text).toBe("Reeves did not reply to our email.");
  });

  it("removes a later exact repeat (case, quotes and spacing ignored) and keeps the first", () => {
    const paragraph = "Ballerina’s CinemaCon footage shows slambang action scenes on snowy landscapes.";
    const raw = `${paragraph}\n\nSomething else entirely happens next.\n\n${paragraph.replace("’", "'").toUpperCase()}`;
    const result = cleanText(raw);
    expect(result.text).toBe(`${paragraph}\n\nSomething else entirely happens next.`);
    expect(result.removedRepeats).toBe(1);
  });

  it("removes a short paragraph contained word for word in another one", () => {
    const long =
      "Owing to this, Ballerina cannot merely succeed by capitalizing on John Wick’s appearance in its story. It must forge its own path.";
    const raw = `cannot merely succeed by capitalizing on John Wick’s appearance in its story\n\n${long}`;
    const result = cleanText(raw);
    expect(result.text).toBe(long);
    expect(result.removedRepeats).toBe(1);
  });

  it("removes a truncated copy that lost a word at a tag boundary", () => {
    const full =
      "The compelling footage reinstates this. From snowy landscapes to dark basements, the footage features myriad landscapes to establish that Ballerina will be no less thrilling and white-knuckling than its parent movie series.";
    const broken =
      "From snowy landscapes to dark basements, the footage features myriad landscapes to establish that\nwill be no less thrilling and white-knuckling than its parent movie series.";
    const result = cleanText(`${broken}\n\n${full}`);
    expect(result.text).toBe(full);
    expect(result.removedRepeats).toBe(1);
  });

  it("keeps short lines such as credits even when their words appear elsewhere", () => {
    const raw = "Ballerina is directed by Len Wiseman, known for Underworld.\n\nLen Wiseman\n\nRelease Date\nJune 6, 2025";
    const result = cleanText(raw);
    expect(result.text).toBe(raw);
    expect(result.removedRepeats).toBe(0);
  });

  it("keeps paragraphs that only share some phrases with another", () => {
    const raw =
      "Ana de Armas’ Ballerina Will Have Big Set Pieces Like John Wick\n\n• Ballerina boasts big set pieces similar to John Wick for an intense action-packed experience.";
    expect(cleanText(raw).text).toBe(raw);
  });

  it("keeps bullets, indentation inside a paragraph, headings and quotes verbatim", () => {
    const raw = "Ballerina trailer breakdown - What is it about?\n\n• First point.\n  • Second point.\n\nTagline: “Every step is a choice.”";
    expect(cleanText(raw).text).toBe(raw);
  });

  it("strips a loose leading date marker and nothing later", () => {
    const result = cleanText(" date 2025-03-20 The first trailer is out.\n\nIt is set to hit theaters on June 6, 2025.");
    expect(result.text).toBe("The first trailer is out.\n\nIt is set to hit theaters on June 6, 2025.");
  });

  it("collapses paragraphs separated by whitespace-only lines", () => {
    expect(cleanText("One.\n\u00a0\nTwo.\n \t \n\n\nThree.").text).toBe("One.\n\nTwo.\n\nThree.");
  });
});

describe("cleanText on the real seeds", () => {
  it.skipIf(!existsSync(seedsDir))("001: boilerplate gone, each repeated fragment removed once", () => {
    const result = cleanText(seed("001_"));
    for (const chrome of ["Source link", "Leave a Reply", "Your email address", "Required fields", "Related Posts"]) {
      expect(result.text).not.toContain(chrome);
    }
    expect(result.removedBoilerplate).toBe(4);
    expect(countOf(result.text, "Ballerina’s compelling CinemaCon footage")).toBe(1);
    expect(result.text).not.toContain("to establish that\nwill be");
    expect(countOf(result.text, "From snowy landscapes to dark basements")).toBe(1);
    expect(countOf(result.text, "cannot merely succeed by capitalizing")).toBe(1);
    expect(result.text).not.toMatch(/^cannot merely succeed/m);
    expect(result.removedRepeats).toBe(2);
    // Unique short paragraphs survive: headings, the credits box, the premiere line.
    expect(result.text).toContain("\n\nLen Wiseman\n\n");
    expect(result.text).toContain("Ballerina has a talented director at its helm");
    expect(result.text).toContain("is scheduled to premiere in theaters on June 6, 2025.");
  });

  it.skipIf(!existsSync(seedsDir))("000: the leading date marker is removed, the body date kept", () => {
    const result = cleanText(seed("000_"));
    expect(result.text.startsWith("The first Ballerina trailer was released recently")).toBe(true);
    expect(result.text).not.toContain("2025-03-20");
    expect(result.text).toContain("Ballerina is set to hit theaters on June 6, 2025.");
    expect(result.removedBoilerplate).toBe(0);
    expect(result.removedRepeats).toBe(0);
  });

  it.skipIf(!existsSync(seedsDir))("002: NBSP-only lines become paragraph breaks; nothing else is lost", () => {
    const raw = seed("002_");
    const result = cleanText(raw);
    expect(result.text).not.toMatch(/\u00a0/);
    expect(result.text).not.toMatch(/\n{3,}/);
    expect(result.text).toContain("Tagline: “Every step is a choice. Every kill, a memory.”");
    expect(result.removedRepeats).toBe(0);
  });
});
