import { type DailyCommand, parseDailyCommand } from './daily/daily-command.js';
import { foldText } from './normalize.js';

/** One way to read a comparison: the text naming each side. */
export type CompareSplit = readonly [string, string];

/** What a person asked for, before anything is looked up. */
export type Intent =
  | { readonly type: 'help' }
  | { readonly type: 'list' }
  | { readonly type: 'random' }
  | { readonly type: 'today' }
  /** `stats`: the most asked patterns and the misses, for whoever may manage the channel. */
  | { readonly type: 'stats' }
  /** `daily …`: a channel's subscription, read by the one daily grammar. */
  | { readonly type: 'daily'; readonly command: DailyCommand }
  | { readonly type: 'category'; readonly query: string }
  /** `splits` holds every reading of the two sides, most likely first; empty when only one side was given. */
  | {
      readonly type: 'compare';
      readonly query: string;
      readonly splits: readonly CompareSplit[];
      /** A loose form ("a or b"): when it is not two patterns, read the text as a lookup instead. */
      readonly orLookup?: boolean;
    }
  | { readonly type: 'lookup'; readonly query: string; readonly view?: 'more' | 'diagram' };

/** "more saga", "saga details", "diagram of the saga": a layer of the card, by words (the console has no buttons). */
const VIEW_PREFIX = /^(more|details?|diagram|draw)\s+(?:on\s+|about\s+|of\s+|for\s+)?(.+)$/;
const VIEW_SUFFIX = /^(.+?)\s+(more|details?|diagram)$/;
const VIEW_WORD: Readonly<Record<string, 'more' | 'diagram'>> = {
  more: 'more',
  detail: 'more',
  details: 'more',
  diagram: 'diagram',
  draw: 'diagram',
};
const HELP = /^(?:help|h|\?|usage|commands?|how does this work|what can you do)$/;
const LIST =
  /^(?:list|ls|all|index|catalog(?:ue)?|patterns|categories|(?:list|show|show me) (?:all|all patterns|the patterns|patterns|everything|categories)|all patterns|list all patterns)$/;
const RANDOM = /^(?:random|rand|surprise me|shuffle|any|random pattern|pick one|lucky|i'?m feeling lucky)$/;
const TODAY =
  /^(?:today|potd|(?:what is )?(?:the )?pattern of the day|(?:what is )?today(?:'?s)? pattern|pattern (?:for )?today)$/;
const STATS = /^(?:stats|statistics|usage stats|miss log)$/;
const CATEGORY = /^(?:category|categories|cat|list|show category|patterns in|in category)\s+(.+)$/;
/** "compare a b", "compare a with b", "difference between a and b". */
const COMPARE_PREFIX =
  /^(?:compare|comparison|diff|contrast|(?:what is|what are) the differences? between|differences? between)(?:\s+(?:of\s+|between\s+)?(.+))?$/;
/** "a vs b", "a versus b", "a compared to b". */
const COMPARE_INFIX =
  /^(?:what is\s+|which is better\s*[:,]?\s*)?(.+?)\s+(?:vs\.?|versus|v\.?|compared (?:to|with)|against)\s+(.+)$/;
/** "how does a differ from b", "how is a different from b". */
const COMPARE_DIFFER =
  /^how (?:does|do|is|are)\s+(.+?)\s+(?:differ|different|compare)\s+(?:from|to|with)\s+(.+)$/;
/** "should I use a or b" */
const COMPARE_CHOICE =
  /^(?:should (?:i|we) (?:use|pick|choose)|(?:when|which) (?:to|should (?:i|we)) (?:use|pick|choose))\s+(.+?)\s+or\s+(.+)$/;
/** "a or b": a comparison only if both sides are patterns. */
const EITHER = /^(?!.*\bor\b.*\bor\b)(.+?)\s+or\s+(.+)$/;
const SEPARATORS = /\s+(?:vs\.?|versus|and|with|to|or|against|from)\s+|\s*[,&|]\s*|\s+\/\s+/;

function clean(text: string): string {
  return foldText(text)
    .replace(/^\s*\/pattern\b\s*/, '')
    .replace(/[?!.;:]+\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function trimSide(side: string): string {
  return side
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/[?!.,;:]+$/g, '')
    .trim();
}

/** Every reading of "a b c" as two sides, split on a separator word if there is one, else at each space. */
export function compareSplits(rest: string): CompareSplit[] {
  const parts = rest
    .split(SEPARATORS)
    .map(trimSide)
    .filter((part) => part.length > 0);
  if (parts.length === 2) return [[parts[0] ?? '', parts[1] ?? '']];
  const words = rest.replace(/[,&|]/g, ' ').split(/\s+/).filter(Boolean);
  const splits: CompareSplit[] = [];
  for (let i = 1; i < words.length; i++) splits.push([words.slice(0, i).join(' '), words.slice(i).join(' ')]);
  return splits;
}

/** Reads what a person typed after `/pattern`, or asked the bot, as an intent. Never throws. */
export function parseIntent(text: string): Intent {
  const command = parseDailyCommand(text);
  if (command) return { type: 'daily', command };
  const query = clean(text);
  if (query === '' || HELP.test(query)) return { type: 'help' };
  if (LIST.test(query)) return { type: 'list' };
  if (RANDOM.test(query)) return { type: 'random' };
  if (TODAY.test(query)) return { type: 'today' };
  if (STATS.test(query)) return { type: 'stats' };
  const category = CATEGORY.exec(query);
  if (category?.[1]) return { type: 'category', query: category[1] };
  const prefix = COMPARE_PREFIX.exec(query);
  if (prefix) return { type: 'compare', query, splits: prefix[1] ? compareSplits(prefix[1]) : [] };
  for (const form of [COMPARE_DIFFER, COMPARE_CHOICE, COMPARE_INFIX]) {
    const match = form.exec(query);
    if (match?.[1] && match[2])
      return { type: 'compare', query, splits: [[trimSide(match[1]), trimSide(match[2])]] };
  }
  const view = VIEW_PREFIX.exec(query);
  if (view?.[1] && view[2]) return { type: 'lookup', query: view[2], view: VIEW_WORD[view[1]] ?? 'more' };
  const viewAfter = VIEW_SUFFIX.exec(query);
  if (viewAfter?.[1] && viewAfter[2]) {
    return { type: 'lookup', query: viewAfter[1], view: VIEW_WORD[viewAfter[2]] ?? 'more' };
  }
  const either = EITHER.exec(query);
  if (either?.[1] && either[2]) {
    return { type: 'compare', query, splits: [[trimSide(either[1]), trimSide(either[2])]], orLookup: true };
  }
  return { type: 'lookup', query };
}
