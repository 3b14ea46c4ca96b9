import { describe, expect, it } from "vitest";
import { ASPECTS, ASPECT_KEYS, aspectsOf, explainAspects } from "../../lib/analysis/aspects";

describe("the aspect taxonomy", () => {
  it("has the twelve documented aspects, each with a label, a description and vocabulary", () => {
    expect(ASPECTS.map((a) => a.key)).toEqual([...ASPECT_KEYS]);
    expect(ASPECTS.map((a) => a.label)).toEqual([
      "Action & choreography",
      "Performances & cast",
      "Story & screenplay",
      "Characters",
      "Visuals & cinematography",
      "Music & score",
      "Direction",
      "Pacing & length",
      "World-building & franchise",
      "Cameos & connections",
      "Release & box office",
      "Trailer & marketing",
    ]);
    for (const a of ASPECTS) {
      expect(a.description.length).toBeGreaterThan(20);
      expect(a.vocabulary.length).toBeGreaterThan(3);
    }
  });
});

describe("aspectsOf: vocabulary", () => {
  it.each([
    ["The choreography is inventive and the stunt work is excellent.", ["action"]],
    ["Ballerina boasts big set pieces similar to John Wick.", ["action"]],
    ["The trailer promises exciting hand-to-hand combat scenes.", ["action", "marketing"]],
    ["The score by Tyler Bates is serviceable rather than memorable.", ["music"]],
    ["The cinematography uses snow and firelight to gorgeous effect.", ["visuals"]],
    ["The script is generic, and the dialogue is clumsy.", ["story"]],
    ["The villain is forgettable.", ["characters"]],
    ["The pacing sags in the middle.", ["pacing"]],
    ["The world-building adds new corners to the mythology.", ["franchise"]],
    ["The Keanu Reeves cameo is fun.", ["cameos"]],
    ["It opened to $25 million at the box office.", ["release"]],
    ["The CinemaCon footage drew cheers.", ["marketing"]],
  ])("%s → %j", (sentence, expected) => {
    expect(aspectsOf(sentence)).toEqual(expected);
  });

  it("returns nothing for a sentence about none of them", () => {
    expect(aspectsOf("She is determined to track down the people responsible.")).toEqual([]);
  });
});

describe("aspectsOf: patterns and context rules", () => {
  it("reads fights staged like ballet as action, not as acting (a word after 'like' is a comparison)", () => {
    expect(aspectsOf("The fights are staged like ballet.")).toEqual(["action"]);
    // Without the simile rule "performances" would add the performances aspect.
    expect(aspectsOf("Fights are staged like performances, with blades in grand halls.")).toEqual(["action"]);
  });

  it("reads a named actor in a sentence about their acting as performances", () => {
    const hits = explainAspects("Ana de Armas delivers a haunting, graceful and visceral turn as Rooney.");
    expect(hits.map((h) => h.aspect)).toEqual(["performances"]);
    expect(hits[0]).toMatchObject({ by: "pattern", cue: "Ana de Armas delivers" });
    expect(aspectsOf("Anjelica Huston is chilling as the Director.")).toEqual(["performances"]);
    expect(aspectsOf("Gabriel Byrne plays Marius Kravchenko, a retired enforcer.")).toEqual(["performances"]);
  });

  it("does not read a mere mention of the actor as performances", () => {
    expect(aspectsOf("Ana de Armas was spotted in Prague last week.")).toEqual([]);
  });

  it("does not read a genre label as the aspect ('action franchise', 'action movies')", () => {
    expect(aspectsOf("Len Wiseman is known for helming several renowned action flicks.")).toEqual(["direction"]);
    expect(aspectsOf("The action is relentless.")).toEqual(["action"]);
  });

  it("reads 'the X franchise' and 'the franchise's stunt team' as referents, not themes", () => {
    expect(aspectsOf("It is a worthy addition to the John Wick franchise.")).toEqual([]);
    expect(aspectsOf("She trained with the franchise's stunt team.")).toEqual(["action"]);
    expect(aspectsOf("It is a worthy addition to the overarching franchise.")).toEqual(["franchise"]);
  });

  it("ignores the tail of a compound and a capitalised character name", () => {
    // "hard-fought" is not a fight; "The Director" is a character, not the direction.
    expect(aspectsOf("She balances the franchise's hard-fought style.")).toEqual([]);
    expect(aspectsOf("Ian McShane returns as Winston, and Anjelica Huston is back as The Director.")).not.toContain("direction");
    expect(aspectsOf("Director: Len Wiseman")).toEqual(["direction"]);
  });

  it("finds pacing from runtime patterns and 'too long'", () => {
    expect(aspectsOf("The film is too long by about fifteen minutes.")).toEqual(["pacing"]);
    expect(aspectsOf("The middle act drags.")).toEqual(["story", "pacing"]);
  });
});
