/** Polite live regions, one per source of sentences, so that one's news does not make a reader hear the other's again. */
export function Spoken({ sentences }: { sentences: string[] }) {
  return sentences.map((sentence, i) => (
    <div key={i} className="sr-only" aria-live="polite" aria-atomic="true">
      {sentence}
    </div>
  ));
}
