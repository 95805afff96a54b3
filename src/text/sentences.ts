// Sentence scope for evidence and allow contexts, on folded text: a sentence
// ends at 。!?; (folded from their full-width forms), an ellipsis or a newline.
// Commas do not end a sentence: Chinese copy chains clauses with them.

const END = new Set(["。", "!", "?", ";", "…", "\n"]);

/** The half-open range of the sentence that holds [start, end). */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !END.has(text[a - 1]!)) a--;
  let b = Math.max(end, start);
  while (b < text.length && !END.has(text[b]!)) b++;
  if (b < text.length) b++; // the sentence keeps its end mark
  return [a, b];
}
