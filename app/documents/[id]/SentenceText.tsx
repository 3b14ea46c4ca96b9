import type { DocumentSentenceRow } from "@/lib/queries/getDocument";
import { formatStance } from "@/app/components/format";
import { sentenceBackground } from "@/app/components/sentenceColor";
import { layoutSentences } from "./sentenceLayout";

/** The cleaned text, sentence by sentence, each coloured by its score. All of it as React text. */
export function SentenceText({ text, sentences }: { text: string; sentences: DocumentSentenceRow[] }) {
  const paragraphs = layoutSentences(text, sentences);
  // A sentence split across paragraphs is several pieces: only its first piece takes the #s-N anchor.
  const anchored = new Set<number>();
  const anchor = (piece: { sentence: number | null }, _i: number) => {
    if (piece.sentence === null || anchored.has(piece.sentence)) return undefined;
    anchored.add(piece.sentence);
    return `s-${sentences[piece.sentence].index}`;
  };
  return (
    <div className="doc-text">
      {paragraphs.map((pieces, p) => (
        <p key={p}>
          {pieces.map((piece, i) => {
            if (piece.sentence === null) return <span key={i}>{piece.text}</span>;
            const sentence = sentences[piece.sentence];
            return sentence.evaluative ? (
              <span
                key={i}
                id={anchor(piece, i)}
                className="sentence sentence--evaluative"
                data-score={sentence.score}
                style={{ background: sentenceBackground(sentence.score) }}
                title={`Evaluative · score ${formatStance(sentence.score)}`}
              >
                {piece.text}
              </span>
            ) : (
              <span
                key={i}
                id={anchor(piece, i)}
                className="sentence sentence--descriptive"
                data-score={sentence.score}
                style={{ background: sentenceBackground(sentence.score, false) }}
                title={`Descriptive (story, facts) · score ${formatStance(sentence.score)} · counts little toward the stance`}
              >
                {piece.text}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}
