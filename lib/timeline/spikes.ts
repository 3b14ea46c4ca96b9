// Spikes: a day or week whose coverage is far above what the title usually gets. Pure: it sees a
// series of counts (one per bucket, gaps filled with 0), nothing else.

/**
 * The rule, per bucket i of a continuous series (zeros included):
 * - baseline = mean of the previous `windowBuckets` buckets (fewer at the start of the series;
 *   the first bucket has no baseline and is never a spike: there is nothing to be above);
 * - spike when count ≥ `minDocuments` AND count ≥ `factor` × max(baseline, `floor`).
 * `minDocuments` = 2: one document is never a spike. `floor` = 0.5 keeps a near-zero baseline
 * (one article a month) from turning any second article into a "50× spike"; with it, a quiet
 * title needs 2 documents in a bucket, a title with 4 a week needs 12 in a week.
 * Windows: 28 days for daily buckets, 8 weeks for weekly ones (about a month / two months of
 * history: long enough to be stable, short enough to follow a release campaign ramping up).
 */
export const SPIKE_RULE = { factor: 3, minDocuments: 2, floor: 0.5, windowDays: 28, windowWeeks: 8 } as const;

export interface SpikePoint {
  count: number;
  /** Mean of the previous buckets; null for the first bucket. */
  baseline: number | null;
  /** count / max(baseline, floor); null without a baseline. */
  ratio: number | null;
  spike: boolean;
}

export function detectSpikes(counts: readonly number[], windowBuckets: number): SpikePoint[] {
  const window = Math.max(1, Math.floor(windowBuckets));
  let running = 0;
  return counts.map((count, i) => {
    if (i > 0) running += counts[i - 1];
    if (i > window) running -= counts[i - 1 - window];
    const previous = Math.min(i, window);
    if (previous === 0) return { count, baseline: null, ratio: null, spike: false };
    const baseline = running / previous;
    const reference = Math.max(baseline, SPIKE_RULE.floor);
    const spike = count >= SPIKE_RULE.minDocuments && count >= SPIKE_RULE.factor * reference;
    return { count, baseline, ratio: count / reference, spike };
  });
}

/** The window for a bucket size: SPIKE_RULE.windowDays days or SPIKE_RULE.windowWeeks weeks. */
export function spikeWindow(bucket: "day" | "week"): number {
  return bucket === "day" ? SPIKE_RULE.windowDays : SPIKE_RULE.windowWeeks;
}
