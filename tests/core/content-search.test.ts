import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { answerToJson } from '../../src/core/answer-to-json.js';
import { answerToCard } from '../../src/core/card/answer-to-card.js';
import { cardToText } from '../../src/core/card/card-to-text.js';
import { goalOf } from '../../src/core/goal-of.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();
const slugOf = (answer: Answer) => (answer.kind === 'pattern' ? answer.pattern.slug : answer.kind);

describe('search that reads the content', () => {
  it('an implementation named in a question is evidence of its pattern', () => {
    expect(slugOf(bot.answer('resilience4j fallback not called'))).toBe('circuit-breaker-pattern');
    expect(slugOf(bot.answer('Debezium connector keeps restarting'))).toBe('outbox-pattern');
  });

  it('a long question that names a pattern once is about that pattern', () => {
    expect(
      slugOf(
        bot.answer('Duplicate saga created if ID and initial association value match different segments'),
      ),
    ).toBe('saga-pattern');
  });

  it('words run together in code style are read as words', () => {
    expect(slugOf(bot.answer('CircuitBreaker not work'))).toBe('circuit-breaker-pattern');
  });

  it('the more fully named pattern wins over one named by a word inside it', () => {
    expect(slugOf(bot.answer('is there a built in snapshot for event sourcing?'))).toBe(
      'event-sourcing-pattern',
    );
  });

  it('a glossary term in a question that names no pattern gets the term, not a card', () => {
    expect(bot.answer('Rate limit does not always block my requests when needed').kind).toBe('term');
  });

  it('a term held in a question beats a pattern named only by a shorter phrase', () => {
    const answer = bot.answer('kafka consumer group rebalance after a restart');
    expect(answer.kind === 'term' && answer.term).toBe('consumer group');
    // A pattern named as fully as the term keeps the question.
    expect(slugOf(bot.answer('retries inside a circuit breaker fallback'))).toBe('circuit-breaker-pattern');
  });

  it('chat stays silent', () => {
    for (const line of ['thanks for the help', 'Thanks again!', ':+1:', '+1', 'back', 'update what mate?']) {
      const kind = bot.answer(line).kind;
      expect(kind === 'pattern' || kind === 'compare' || kind === 'category', line).toBe(false);
    }
  });

  it('a looked-up card carries its confidence tier', () => {
    const sure = bot.answer('circuit breaker');
    expect(sure.kind === 'pattern' && sure.tier).toBe('answer');
    const named = bot.answer('Saga Creation with Null Association Value');
    expect(named.kind === 'pattern' && named.tier).toBe('did-you-mean');
  });
});

describe('questions about a goal', () => {
  it('reads a goal only when the text is put as one', () => {
    expect(goalOf('patterns for reliability')).toBe('reliability');
    expect(goalOf('what helps with data consistency')).toBe('consistency');
    expect(goalOf('how do I scale writes')).toBe('scalability');
    expect(goalOf('reliability of the saga')).toBeUndefined();
    expect(goalOf('thanks for the help')).toBeUndefined();
  });

  it('lists the patterns whose qualities serve it, never a single card or a category', () => {
    const answer = bot.answer('patterns for data consistency');
    expect(answer.kind).toBe('goal');
    if (answer.kind !== 'goal') return;
    expect(answer.patterns.length).toBeGreaterThan(1);
    for (const p of answer.patterns) expect(p.doc?.qualities).toContain('consistency');
    expect(answerToJson(answer)).toMatchObject({ kind: 'goal', quality: 'consistency' });
    expect(cardToText(answerToCard(answer))).toContain('Patterns that serve consistency');
  });

  it('ranks by the question: scaling writes puts sharding first', () => {
    const answer = bot.answer('how do I scale writes');
    expect(answer.kind === 'goal' && answer.patterns[0]?.slug).toBe('sharding-pattern');
  });

  it('`category reliability` is a goal, not the Data category', () => {
    const answer = bot.answer('category reliability');
    expect(answer.kind).toBe('goal');
  });

  it('a goal about a named pattern is that pattern', () => {
    expect(slugOf(bot.answer('how do I make my saga more reliable'))).toBe('saga-pattern');
  });
});
