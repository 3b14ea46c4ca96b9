import { describe, expect, it } from "vitest";
import { readDoc } from "../../lib/analysis/nlp";
import { extractPeople, personKey, type PersonMention } from "../../lib/analysis/people";
import { readSentenceTokens } from "../../lib/analysis/sentenceTokens";

const peopleOf = (text: string): PersonMention[] => extractPeople(readSentenceTokens(readDoc(text), text)).people;
const confirmed = (text: string) => peopleOf(text).filter((p) => p.kind !== "unconfirmed");
const byName = (text: string) => Object.fromEntries(confirmed(text).map((p) => [p.name, p]));

describe("personKey", () => {
  it.each([
    ["Ana de Armas", "ana de armas"],
    ["Ana De Armas", "ana de armas"],
    ["Ana de Armas’", "ana de armas"],
    ["Bill Skarsgård", "bill skarsgard"],
    ["Keanu Reeves's", "keanu reeves"],
  ])("%s → %s", (name, key) => {
    expect(personKey(name)).toBe(key);
  });
});

describe("extractPeople", () => {
  it("finds cast and crew from role cues, with their role", () => {
    const people = byName("Directed by Len Wiseman, Ballerina stars Ana de Armas. Keanu Reeves returns as John Wick.");
    expect(people["Len Wiseman"]).toMatchObject({ kind: "person", role: "crew" });
    expect(people["Ana de Armas"]).toMatchObject({ kind: "person", role: "cast" });
    expect(people["Keanu Reeves"]).toMatchObject({ kind: "person", role: "cast" });
  });

  it("never makes a character a person ('returns as John Wick', 'plays Marius Kravchenko', 'Rooney (Ana de Armas)')", () => {
    const names = confirmed("Keanu Reeves returns as John Wick. Gabriel Byrne plays Marius Kravchenko. Rooney (Ana de Armas) trains.").map((p) => p.name);
    expect(names.sort()).toEqual(["Ana de Armas", "Gabriel Byrne", "Keanu Reeves"]);
  });

  it("leaves out capitalised runs with no role cue (films, headings), keeping them only as unconfirmed", () => {
    const people = peopleOf("Wiseman made Live Free or Die Hard and Total Recall. Big Set Pieces Are Coming.");
    expect(people.filter((p) => p.kind !== "unconfirmed")).toEqual([]);
    expect(people.find((p) => p.key === "total recall")?.kind).toBe("unconfirmed");
  });

  it("spreads a role through a comma list ('Ian McShane, Anjelica Huston, and the late Lance Reddick')", () => {
    const text = "Starring Ian McShane. The cast includes Ian McShane, Anjelica Huston, and the late Lance Reddick.";
    expect(confirmed(text).map((p) => p.name).sort()).toEqual(["Anjelica Huston", "Ian McShane", "Lance Reddick"]);
  });

  it("recognises organisations by company word or as a known studio, and merges a company's first word", () => {
    const people = byName("Ironclad Pictures has moved Signal Fire. Lionsgate confirmed the date. Ironclad declined to comment.");
    expect(people["Ironclad Pictures"]).toMatchObject({ kind: "organization", mentions: 2 });
    expect(people.Lionsgate).toMatchObject({ kind: "organization" });
  });

  it("merges spellings and surname mentions into one person", () => {
    const text = "Ana de Armas plays Rooney. Ana De Armas trained for months. De Armas is terrific, and Wiseman directed by Len Wiseman's notes.";
    const ana = confirmed(text).find((p) => p.key === "ana de armas")!;
    expect(ana.mentions).toBe(3);
    expect(ana.sentences).toEqual([0, 1, 2]);
  });

  it("cuts two names glued together after the one the document also uses alone", () => {
    const text = "Ana de Armas plays Rooney. The Ana de Armas John Wick spin-off opens soon.";
    const ana = confirmed(text).find((p) => p.key === "ana de armas")!;
    expect(ana.mentions).toBe(2);
    expect(peopleOf(text).some((p) => p.key.includes("armas john"))).toBe(false);
  });

  it("keeps the name whole when wink tags a rare surname as a verb ('Amara Welling')", () => {
    expect(byName("Signal Fire stars Amara Welling as Ruth Calder.")["Amara Welling"]).toMatchObject({ role: "cast" });
    expect(byName("Signal Fire stars Amara Welling as Ruth Calder.")["Ruth Calder"]).toBeUndefined();
  });
});
