// Lays a document's stored text out as paragraphs of pieces, each piece either a scored
// sentence or the text between sentences, using the sentences' character offsets. Everything
// in the text is kept (whitespace, headings the splitter skipped); blank lines become paragraphs.

export interface SentenceSpan {
  start: number;
  end: number;
}

export interface TextPiece {
  text: string;
  /** Position of the sentence in the given array, or null for text between sentences. */
  sentence: number | null;
}

const PARAGRAPH_BREAK = /\n[ \t]*\n\s*/;

export function layoutSentences(text: string, sentences: readonly SentenceSpan[]): TextPiece[][] {
  const pieces: TextPiece[] = [];
  let cursor = 0;
  const order = sentences
    .map((span, position) => ({ span, position }))
    .sort((a, b) => a.span.start - b.span.start || a.position - b.position);
  for (const { span, position } of order) {
    // Offsets come from storage: clamp them, and never let two sentences claim the same text.
    const start = Math.min(Math.max(span.start, cursor), text.length);
    const end = Math.min(Math.max(span.end, start), text.length);
    if (start > cursor) pieces.push({ text: text.slice(cursor, start), sentence: null });
    if (end > start) pieces.push({ text: text.slice(start, end), sentence: position });
    cursor = end;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor), sentence: null });

  const paragraphs: TextPiece[][] = [[]];
  for (const piece of pieces) {
    const parts = piece.text.split(PARAGRAPH_BREAK);
    parts.forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part) paragraphs[paragraphs.length - 1].push({ text: part, sentence: piece.sentence });
    });
  }
  return paragraphs.map(trimParagraph).filter((p) => p.length > 0);
}

// Line breaks at the edges of a paragraph would show as blank lines under `white-space: pre-line`.
function trimParagraph(paragraph: TextPiece[]): TextPiece[] {
  const out = paragraph.map((piece) => ({ ...piece }));
  if (out.length) out[0].text = out[0].text.replace(/^\s+/, "");
  if (out.length) out[out.length - 1].text = out[out.length - 1].text.replace(/\s+$/, "");
  return out.filter((piece) => piece.text.length > 0);
}
