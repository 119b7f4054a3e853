import { describe, expect, it } from 'vitest';
import { completionsToChoices } from '../../../src/adapters/discord/autocomplete.js';
import { realConversation } from './harness.js';

const conversation = realConversation();

describe('completionsToChoices', () => {
  it("passes the conversation's completions on, best first", () => {
    const choices = completionsToChoices(conversation.complete('sag'));
    expect(choices[0]?.value).toBe('saga-pattern');
    expect(choices[0]?.name).toContain('Saga Pattern');
  });

  it('keeps Discord’s limits whatever is typed: at most 25, name and value at most 100, no empty name', () => {
    for (const typed of [
      '',
      'a',
      'x'.repeat(6000),
      '🙂'.repeat(3000),
      'compare '.repeat(500),
      '**@everyone**',
    ]) {
      const choices = completionsToChoices(conversation.complete(typed));
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('cuts long labels with an ellipsis and long values short', () => {
    const [choice] = completionsToChoices([{ label: 'L'.repeat(300), value: 'v'.repeat(300) }]);
    expect(choice?.name).toBe(`${'L'.repeat(99)}…`);
    expect(choice?.value).toBe('v'.repeat(100));
    expect(
      completionsToChoices(Array.from({ length: 40 }, (_, i) => ({ label: `${i}`, value: `${i}` }))),
    ).toHaveLength(25);
  });
});
