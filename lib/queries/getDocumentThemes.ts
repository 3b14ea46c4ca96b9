import { ASPECT_KEYS, type AspectKey, aspectDefinition } from "../analysis/aspects";
import { type ClaimKind, agreesWithRelease, displayDate } from "../analysis/claims";
import type { DocumentKind } from "../analysis/types";
import { DOCUMENT_FLAGS, type DocumentFlag, isDocumentFlag } from "../credibility/flags";
import { getDb } from "../db/client";
import { isoDay } from "./_convert";
import { CLAIM_LABELS } from "./getClaimConflicts";

export interface DocumentAspectRow {
  key: AspectKey;
  label: string;
  /** Indices of the sentences that mention it. */
  sentences: number[];
  /** How many of them are evaluative, and their mean score (null when none is). */
  evaluative: number;
  meanScore: number | null;
}

export interface DocumentPersonRow {
  id: number;
  name: string;
  kind: "person" | "organization";
  mentions: number;
  evaluativeMentions: number;
  meanScore: number | null;
}

export interface DocumentClaimRow {
  kind: ClaimKind;
  label: string;
  value: string;
  display: string;
  quote: string;
  sentenceIndex: number | null;
  /** Against the title's registered release date (release_date, year); null when it cannot tell. */
  agreesWithRelease: boolean | null;
}

export interface DocumentRef {
  id: number;
  headline: string | null;
  source: string | null;
  publishedAt: string | null;
  kind: DocumentKind;
}

export interface DocumentThemes {
  id: number;
  /** In taxonomy order. */
  aspects: DocumentAspectRow[];
  /** Most mentioned first; unconfirmed names are left out. */
  people: DocumentPersonRow[];
  /** In sentence order (a headline claim first). */
  claims: DocumentClaimRow[];
  flags: { flag: DocumentFlag; label: string; description: string }[];
  /** The original this document copies, or null. */
  copyOf: DocumentRef | null;
  /** Later copies of this document. */
  copies: DocumentRef[];
}

const ref = (d: { id: number; headline: string | null; publishedAt: Date | null; kind: DocumentKind; source: { name: string } | null }): DocumentRef => ({
  id: d.id,
  headline: d.headline,
  source: d.source?.name ?? null,
  publishedAt: isoDay(d.publishedAt),
  kind: d.kind,
});

const refSelect = { id: true, headline: true, publishedAt: true, kind: true, source: { select: { name: true } } } as const;

/** The themes panel of one document page; null when there is no such document. */
export async function getDocumentThemes(id: number): Promise<DocumentThemes | null> {
  const db = await getDb();
  const d = await db.document.findUnique({
    where: { id },
    select: {
      id: true,
      flags: true,
      title: { select: { releaseDate: true } },
      sentences: { orderBy: { index: "asc" }, select: { index: true, score: true, evaluative: true, aspects: true } },
      people: { select: { mentions: true, evaluativeMentions: true, scoreSum: true, person: { select: { id: true, name: true, kind: true } } } },
      claims: { orderBy: [{ sentenceIndex: { sort: "asc", nulls: "first" } }, { id: "asc" }], select: { kind: true, value: true, quote: true, sentenceIndex: true } },
      duplicateOf: { select: refSelect },
      copies: { orderBy: { id: "asc" }, select: refSelect },
    },
  });
  if (!d) return null;
  const releaseDate = isoDay(d.title.releaseDate);

  const aspects = new Map<AspectKey, DocumentAspectRow & { sum: number }>();
  for (const s of d.sentences) {
    for (const key of s.aspects) {
      const def = aspectDefinition(key);
      if (!def) continue;
      const row = aspects.get(def.key) ?? { key: def.key, label: def.label, sentences: [], evaluative: 0, meanScore: null, sum: 0 };
      row.sentences.push(s.index);
      if (s.evaluative) {
        row.evaluative++;
        row.sum += s.score;
      }
      aspects.set(def.key, row);
    }
  }
  const names = await db.person.findMany({ where: { kind: { in: ["person", "organization"] }, key: { in: d.claims.filter((c) => c.kind === "director" || c.kind === "cast").map((c) => c.value) } }, select: { key: true, name: true } });
  const nameOf = new Map(names.map((n) => [n.key, n.name]));

  return {
    id: d.id,
    aspects: [...aspects.values()]
      .map(({ sum, ...row }) => ({ ...row, meanScore: row.evaluative ? sum / row.evaluative : null }))
      .sort((a, b) => order(a.key) - order(b.key)),
    people: d.people
      .filter((p) => p.person.kind === "person" || p.person.kind === "organization")
      .map((p) => ({
        id: p.person.id,
        name: p.person.name,
        kind: p.person.kind as "person" | "organization",
        mentions: p.mentions,
        evaluativeMentions: p.evaluativeMentions,
        meanScore: p.evaluativeMentions ? p.scoreSum / p.evaluativeMentions : null,
      }))
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)),
    claims: d.claims.map((c) => {
      const kind = c.kind as ClaimKind;
      return {
        kind,
        label: CLAIM_LABELS[kind] ?? c.kind,
        value: c.value,
        display: kind === "release_date" ? displayDate(c.value) : kind === "runtime" ? `${c.value} min` : nameOf.get(c.value) ?? c.value,
        quote: c.quote,
        sentenceIndex: c.sentenceIndex,
        agreesWithRelease: agreesWithRelease(kind, c.value, releaseDate),
      };
    }),
    flags: d.flags.filter(isDocumentFlag).map((flag) => ({ flag, ...DOCUMENT_FLAGS[flag] })),
    copyOf: d.duplicateOf ? ref(d.duplicateOf) : null,
    copies: d.copies.map(ref),
  };
}

const order = (key: AspectKey) => ASPECT_KEYS.indexOf(key);
