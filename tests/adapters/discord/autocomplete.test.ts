import { describe, expect, it } from 'vitest';
import { autocompleteChoices, cachedAutocomplete } from '../../../src/adapters/discord/autocomplete.js';
import { COMMANDS } from '../../../src/core/commands.js';
import { realBot } from '../../helpers/catalog.js';

const bot = realBot();
const values = (typed: string) => autocompleteChoices(bot, typed).map((choice) => choice.value);

describe('autocomplete choices', () => {
  it('ranks the matching pattern first; its value is the slug', () => {
    expect(autocompleteChoices(bot, 'sag')[0]).toEqual({ name: '06 Saga Pattern', value: 'saga-pattern' });
    expect(values('circuit braker')[0]).toBe('circuit-breaker-pattern');
  });

  it('offers every pattern, then the command words, for an empty query', () => {
    const all = values('');
    expect(all).toEqual([
      ...bot.patterns.map((p) => p.slug),
      ...COMMANDS.filter((c) => c.name !== 'lookup').map((c) => c.name),
    ]);
  });

  it('puts patterns before command words, and a command typed in full first', () => {
    const li = values('li');
    expect(li.at(-1)).toBe('list');
    expect(li.slice(0, -1).every((v) => v.includes('-'))).toBe(true);
    expect(values('list')[0]).toBe('list');
    expect(values('help')[0]).toBe('help');
  });

  it('offers compare and category text back as typed, with matching categories', () => {
    expect(values('compare cqrs event')).toEqual(['compare cqrs event']);
    expect(values('category da')).toEqual(['category da', 'category Data Pattern']);
  });

  it('answers at most 25 choices with names and values of at most 100 characters', () => {
    for (const typed of [
      '',
      'a',
      'pattern',
      'x'.repeat(6000),
      '🙂'.repeat(3000),
      'compare '.repeat(500),
      '**@everyone**',
    ]) {
      const choices = autocompleteChoices(bot, typed);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
      expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    }
  });

  it('is fast: 2,000 lookups well within a second', () => {
    const started = performance.now();
    for (let i = 0; i < 2000; i++) autocompleteChoices(bot, ['sag', 'event so', 'circ', 'zzz'][i % 4] ?? '');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('cachedAutocomplete', () => {
  it('gives the same choices as autocompleteChoices, computed once per text', () => {
    const choices = cachedAutocomplete(bot);
    for (const typed of ['sag', 'compare cq', '', 'circuit braker']) {
      const first = choices(typed);
      expect(first).toEqual(autocompleteChoices(bot, typed));
      expect(choices(typed)).toBe(first);
    }
  });

  it('with max 0 remembers nothing', () => {
    const choices = cachedAutocomplete(bot, 0);
    const first = choices('sag');
    expect(choices('sag')).not.toBe(first);
    expect(choices('sag')).toEqual(first);
  });
});
