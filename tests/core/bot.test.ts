import { describe, expect, it } from 'vitest';
import { answerToJson } from '../../src/core/answer-to-json.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();
const top = (text: string) => answerToJson(bot.answer(text));

describe('lookup', () => {
  it.each([
    ['saga', 'saga-pattern'],
    ['Saga Pattern', 'saga-pattern'],
    ['saga-pattern', 'saga-pattern'],
    ['06', 'saga-pattern'],
    ['6', 'saga-pattern'],
    ['#6', 'saga-pattern'],
    ['circuit braker', 'circuit-breaker-pattern'],
    ["what's a sidecar?", 'sidecar-pattern'],
    ['how do I stop one slow service from taking down the rest', 'circuit-breaker-pattern'],
    ['hystrix', 'circuit-breaker-pattern'],
    ['envoy', 'sidecar-pattern'],
    ['eventsourcing', 'event-sourcing-pattern'],
  ])('%s → %s', (text, slug) => {
    const answer = top(text);
    expect(answer.kind).toBe('pattern');
    expect(answer.patterns[0]?.slug).toBe(slug);
  });

  it.each(['pizza', 'asdfghjkl', 'the weather tomorrow', 'what is love'])('rejects nonsense: %s', (text) => {
    const answer = top(text);
    expect(answer.kind).toBe('none');
    expect(answer.patterns).toEqual([]);
  });
});
