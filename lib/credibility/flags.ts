// Credibility flags on documents: facts about a document a reader should weigh before trusting
// it. Flags inform, they do not delete: a flagged review still counts (unless it is a copy,
// which the original already counts for).
import { agreesWithRelease } from "../analysis/claims";
import type { DocumentKind } from "../analysis/types";

export const DOCUMENT_FLAGS = {
  review_before_release: {
    label: "Review before release",
    description:
      "A review published before the title's registered release date: a festival or press screening, an embargo break, or a wrong date. Check the date before reading it as reception.",
  },
  copy: {
    label: "Copy",
    description:
      "A syndicated or near-duplicate copy of an earlier document about the same title (MinHash of word shingles, see lib/credibility/nearDuplicates.ts). Metrics count the original once and skip the copy.",
  },
  release_date_disagrees: {
    label: "Release date disagrees",
    description:
      "The document states a release date (or a year in its headline) that differs from the title's registered release date.",
  },
} as const;

export type DocumentFlag = keyof typeof DOCUMENT_FLAGS;

export function isDocumentFlag(value: string): value is DocumentFlag {
  return Object.hasOwn(DOCUMENT_FLAGS, value);
}

export interface FlagInput {
  kind: DocumentKind;
  /** YYYY-MM-DD, null when undated. */
  publishedAt: string | null;
  /** The title's registered release date (YYYY-MM-DD), null when unknown. */
  releaseDate: string | null;
  isCopy: boolean;
  /** The document's claims about the title (already filtered to the title). */
  claims: readonly { kind: string; value: string }[];
}

/** The flags a document carries, in DOCUMENT_FLAGS order. */
export function deriveFlags(input: FlagInput): DocumentFlag[] {
  const flags: DocumentFlag[] = [];
  // An undated review cannot be placed before or after release: no flag rather than a guess.
  if (input.kind === "review" && input.publishedAt && input.releaseDate && input.publishedAt < input.releaseDate) {
    flags.push("review_before_release");
  }
  if (input.isCopy) flags.push("copy");
  if (input.claims.some((c) => agreesWithRelease(c.kind, c.value, input.releaseDate) === false)) flags.push("release_date_disagrees");
  return flags;
}
