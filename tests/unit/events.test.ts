import { describe, expect, it } from "vitest";
import { type DaySignals, EVENT_KINDS, detectEvents, eventSignals, matchesKind } from "../../lib/timeline/events";

const day = (d: string, signals: DaySignals["signals"]): DaySignals => ({ day: d, signals });

describe("event patterns", () => {
  it.each([
    { kind: "trailer", text: "Ballerina trailer: Ana de Armas brings a flamethrower", hit: true },
    { kind: "trailer", text: "Harbor Lights teaser sparks early awards talk", hit: true },
    { kind: "trailer", text: "Trailers galore", hit: true },
    { kind: "trailer", text: "The trailblazer returns", hit: false },
    { kind: "cinemacon", text: "What Ballerina's CinemaCon footage tells us", hit: true },
    { kind: "comic-con", text: "Signal Fire's Comic-Con footage is the first real sign of life", hit: true },
    { kind: "premiere", text: "Harbor Lights premieres to a standing ovation", hit: true },
    { kind: "premiere", text: "Why everyone in Toronto is talking about Harbor Lights", hit: true },
    { kind: "premiere", text: "A supreme effort", hit: false },
  ] as const)("$kind in “$text”: $hit", ({ kind, text, hit }) => {
    expect(matchesKind(kind, text)).toBe(hit);
  });

  it("uses no \\b, which PostgreSQL reads as a backspace", () => {
    for (const k of EVENT_KINDS) expect(k.pattern ?? "").not.toContain("\\b");
  });
});

describe("eventSignals", () => {
  it("counts an article for every kind its headline or keyphrases name, in EVENT_KINDS order", () => {
    expect(eventSignals("article", "Festival crowds cheer the new teaser", ["cinemacon footage", "the cast"])).toEqual(["trailer", "cinemacon", "premiere"]);
    expect(eventSignals("article", null, ["comic-con panel"])).toEqual(["comic-con"]);
    expect(eventSignals("article", "A quiet week for the production", ["the trailblazer"])).toEqual([]);
  });

  it("counts a review for the reviews kind only, whatever its words", () => {
    expect(eventSignals("review", "The trailer promised more than the festival cut delivers", ["trailer"])).toEqual(["reviews"]);
  });
});

describe("detectEvents", () => {
  it("finds a trailer burst after a quiet month, on its first day", () => {
    const events = detectEvents([
      day("2025-01-14", {}),
      day("2025-02-18", { trailer: 1 }),
      day("2025-02-19", { trailer: 1 }),
      day("2025-02-20", { trailer: 1 }),
    ]);
    expect(events).toEqual([{ day: "2025-02-18", kind: "trailer", label: "Trailer", documents: 3 }]);
  });

  it("ignores a single mention: one article is not an event", () => {
    expect(detectEvents([day("2025-03-20", { trailer: 1 }), day("2025-05-01", { cinemacon: 1 })])).toEqual([]);
  });

  it("does not fire when the words are everyday coverage", () => {
    // Two trailer mentions a week for a month, then three: not 3× the baseline.
    const days: DaySignals[] = [];
    for (let d = 1; d <= 28; d += 3.5) days.push(day(`2025-03-${String(Math.floor(d)).padStart(2, "0")}`, { trailer: 1 }));
    days.push(day("2025-03-29", { trailer: 3 }));
    expect(detectEvents(days).filter((e) => e.kind === "trailer" && e.day === "2025-03-29")).toEqual([]);
  });

  it("gives only the first review burst, as the embargo lifting", () => {
    const events = detectEvents([
      day("2025-06-03", { reviews: 1 }),
      day("2025-06-06", { reviews: 2 }),
      day("2025-07-01", { reviews: 2 }),
      day("2025-07-02", { reviews: 2 }),
    ]);
    expect(events).toEqual([{ day: "2025-06-03", kind: "reviews", label: "Reviews out (embargo lifts)", documents: 3 }]);
  });

  it("waits for the window to pass before the same kind fires again", () => {
    const events = detectEvents([day("2022-11-10", { trailer: 2 }), day("2022-11-12", { trailer: 2 }), day("2023-02-15", { trailer: 2 })]);
    expect(events.map((e) => e.day)).toEqual(["2022-11-10", "2023-02-15"]);
  });
});
