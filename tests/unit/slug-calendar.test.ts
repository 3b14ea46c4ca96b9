import { describe, expect, it } from "vitest";
import { daysBetween, isIsoDay } from "../../lib/calendar";
import { slugify } from "../../lib/slug";

describe("slugify", () => {
  it.each([
    ["Ballerina", "ballerina"],
    ["John Wick: Chapter 4", "john-wick-chapter-4"],
    ["Amélie & Nino", "amelie-and-nino"],
    ["  ", "untitled"],
  ])("%j → %j", (name, slug) => expect(slugify(name)).toBe(slug));
});

describe("calendar", () => {
  it.each([
    ["2025-06-06", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-13-01", false],
    ["June 6", false],
  ])("isIsoDay(%j) = %j", (value, ok) => expect(isIsoDay(value)).toBe(ok));

  it("counts days across a DST change without drift", () => {
    expect(daysBetween("2025-03-01", "2025-04-01")).toBe(31);
    expect(daysBetween("2025-06-06", "2025-06-01")).toBe(-5);
  });
});
