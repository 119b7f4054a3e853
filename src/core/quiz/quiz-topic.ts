import type { Bot } from '../bot.js';
import type { Pattern } from '../pattern.js';

/**
 * The patterns a quiz topic names: a category ("data", "messaging") first, else the pattern a lookup
 * finds with confidence (no "did you mean"). Undefined when the topic names nothing; every pattern
 * when there is no topic.
 */
export function quizTopic(bot: Bot, topic: string | undefined): readonly Pattern[] | undefined {
  if (topic === undefined) return bot.patterns;
  const category = bot.answerIntent({ type: 'category', query: topic }, topic);
  if (category.kind === 'category') return category.group.patterns;
  const found = bot.answerIntent({ type: 'lookup', query: topic }, topic);
  return found.kind === 'pattern' && found.alternatives.length === 0 ? [found.pattern] : undefined;
}
