// Okabe–Ito colours (safe for the common colour-vision deficiencies). SVG charts need literal
// values; globals.css mirrors these as CSS variables for everything else.
export const PALETTE = {
  anticipation: "#0072B2", // blue: lines
  anticipationSoft: "#56B4E9", // sky blue: bars
  reception: "#D55E00", // vermillion: lines
  receptionSoft: "#E69F00", // orange: bars
  positive: "#0072B2",
  negative: "#E69F00",
  mixed: "#CC79A7",
  neutral: "#8A8F98",
  ink: "#1D2433",
  muted: "#5B6475",
  grid: "#E4E7EC",
} as const;
