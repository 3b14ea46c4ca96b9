// Places chart markers (event numbers) in horizontal lanes so no two overlap: each marker goes in
// the first lane where it clears the previous marker by `gap` pixels. Pure, so it is unit-tested.

export interface MarkerBox {
  /** Centre x in pixels and width of the marker. */
  x: number;
  width: number;
}

/** The lane (0 = top) of each marker, in input order. Never more than `maxLanes` lanes: past that the least crowded lane is used. */
export function layoutLanes(markers: readonly MarkerBox[], gap = 4, maxLanes = 3): number[] {
  const order = markers.map((m, i) => ({ m, i })).sort((a, b) => a.m.x - b.m.x || a.i - b.i);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(markers.length).fill(0);
  for (const { m, i } of order) {
    const left = m.x - m.width / 2;
    let lane = laneEnds.findIndex((end) => end + gap <= left);
    if (lane === -1) {
      if (laneEnds.length < maxLanes) lane = laneEnds.length;
      else lane = laneEnds.indexOf(Math.min(...laneEnds));
    }
    laneEnds[lane] = m.x + m.width / 2;
    lanes[i] = lane;
  }
  return lanes;
}

/**
 * Lanes for markers that must not share space at all: null when they need more than `maxLanes`
 * lanes or one would cross [minX, maxX] (the caller then draws something smaller).
 */
export function lanesThatFit(markers: readonly MarkerBox[], gap: number, maxLanes: number, minX: number, maxX: number): number[] | null {
  if (markers.some((m) => m.x - m.width / 2 < minX || m.x + m.width / 2 > maxX)) return null;
  const order = markers.map((m, i) => ({ m, i })).sort((a, b) => a.m.x - b.m.x || a.i - b.i);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(markers.length).fill(0);
  for (const { m, i } of order) {
    const left = m.x - m.width / 2;
    let lane = laneEnds.findIndex((end) => end + gap <= left);
    if (lane === -1) {
      if (laneEnds.length >= maxLanes) return null;
      lane = laneEnds.length;
    }
    laneEnds[lane] = m.x + m.width / 2;
    lanes[i] = lane;
  }
  return lanes;
}
