import { QUALITIES } from './catalog/pattern-doc.js';
import { foldText } from './normalize.js';

export type Quality = (typeof QUALITIES)[number];

/** The words that name each quality a pattern can serve, as people write them. */
const QUALITY_WORDS: Readonly<Record<Quality, RegExp>> = {
  reliability:
    /\b(?:reliab\w*|resilien\w*|fault[- ]toleran\w*|high(?:ly)? availab\w*|availability|uptime|stay up|survive failures?)\b/,
  scalability:
    /\b(?:scal(?:e|es|ing|able|ability)|scale[- ]out|throughput|handle (?:more )?(?:load|traffic))\b/,
  consistency: /\b(?:consisten\w*|data integrity|correctness of data|keep data in sync)\b/,
  security: /\b(?:secur\w*|authenticat\w*|authori[sz]\w*|access control)\b/,
  operability: /\b(?:operab\w*|observab\w*|monitoring|operations|easier to (?:run|operate))\b/,
  cost: /\b(?:costs?|cheaper|cost[- ]effective\w*|save money|spend less)\b/,
  evolvability:
    /\b(?:evolvab\w*|evolv\w*|maintainab\w*|extensib\w*|flexib\w*|easier to change|change (?:it )?safely)\b/,
};

/**
 * How a question about a goal is put, rather than about a name: "patterns for reliability", "what
 * helps with data consistency", "how do I scale writes", "ways to improve availability".
 */
const GOAL_FRAME =
  /^(?:(?:which|what|any|list|show(?: me)?|best|good)\s+)?(?:patterns?|architectures?|designs?|options|ways|approaches|techniques)\s+(?:for|that|to|which|with|helping|improving|giving|help|helps|improve|improves|give|serve|boost|increase|ensure)\b|^what\s+(?:helps?|improves?|gives?|brings?|is good for|are good for)\b|^how\s+(?:do|can|could|should|would)\s+(?:i|we|you|one)\s+(?:improve|increase|get|achieve|ensure|scale|make|add|keep|guarantee|boost)\b|^how\s+to\s+(?:improve|increase|get|achieve|ensure|scale|make|add|keep|guarantee|boost)\b|^(?:improve|improving|increase|increasing|ensure|ensuring|better|more)\b/;

/** The quality a text names, if it names exactly one (or the first it names). */
export function qualityIn(text: string): Quality | undefined {
  const folded = foldText(text);
  return QUALITIES.find((quality) => QUALITY_WORDS[quality].test(folded));
}

/** The quality a goal question asks for, or undefined when the text is not put as a goal. */
export function goalOf(query: string): Quality | undefined {
  const folded = foldText(query).trim();
  return GOAL_FRAME.test(folded) ? qualityIn(folded) : undefined;
}
