import { type Card, createEmptyCard, fsrs, generatorParameters, Rating, State } from 'ts-fsrs';
import { z } from 'zod';

/**
 * The ts-fsrs scheduler of every review card. Reviews come at most once a day, so FSRS's short-term
 * (minutes) learning steps are off and every interval is whole days; no fuzz, so a schedule can be
 * tested. Knew it is FSRS `Good`, Not yet is `Again`; Skip changes nothing and never reaches here.
 */
const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

const GRADES = { knew: Rating.Good, 'not-yet': Rating.Again } as const;

/** What is stored of a card: ts-fsrs's own fields, dates as ISO strings. */
const cardSchema = z.object({
  due: z.iso.datetime(),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.number(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.enum(State),
  last_review: z.iso.datetime().optional(),
});

export interface FsrsState {
  readonly dueAt: Date;
  /** The card as stored (JSON). */
  readonly fsrs: string;
}

function toState(card: Card): FsrsState {
  return { dueAt: card.due, fsrs: JSON.stringify(card) };
}

/** A card never reviewed, due now. */
export function newFsrsCard(now: Date): FsrsState {
  return toState(createEmptyCard(now));
}

/** A stored card, or undefined when the text is not one (it is then treated as new). */
export function parseFsrsCard(text: string): Card | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = cardSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { due, last_review, ...rest } = parsed.data;
  return { ...rest, due: new Date(due), ...(last_review ? { last_review: new Date(last_review) } : {}) };
}

/** The card after a person said how they recalled it at `now`. */
export function gradeFsrsCard(stored: string, grade: 'knew' | 'not-yet', now: Date): FsrsState {
  const card = parseFsrsCard(stored) ?? createEmptyCard<Card>(now);
  return toState(scheduler.next(card, now, GRADES[grade]).card);
}
