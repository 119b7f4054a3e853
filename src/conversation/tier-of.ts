import type { Answer } from '../core/answer.js';

/** The confidence tier of an answer, for the metrics: a lookup answered, offered with "did you mean", or not found. */
export function tierOf(answer: Answer): string {
  if (answer.kind === 'pattern') return answer.alternatives.length > 0 ? 'did-you-mean' : 'answer';
  if (answer.kind === 'none') return 'not-found';
  return answer.kind;
}
