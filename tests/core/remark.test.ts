import { describe, expect, it } from 'vitest';
import { isRemark, readsAsQuestion } from '../../src/core/remark.js';
import { realBot } from '../helpers/catalog.js';

const bot = realBot();
const remark = (text: string) => {
  const { intent } = bot.parse(text);
  return isRemark(intent, bot.answerIntent(intent, text), text);
};

describe('remarks: chat that is not a question for the bot', () => {
  it('reads questions and requests as questions, remarks as remarks', () => {
    for (const text of ['what is raft?', 'How do I scale writes', 'explain bulkheads', 'should we use kafka'])
      expect(readsAsQuestion(text), text).toBe(true);
    for (const text of ['thanks!', 'test', 'the build is green again', ':wave:'])
      expect(readsAsQuestion(text), text).toBe(false);
  });

  it('is a lookup that found nothing and suggests nothing, and asks nothing', () => {
    for (const text of ['thanks!', 'test', '+1', 'see attached', 'brb'])
      expect(remark(text), text).toBe(true);
  });

  it('is never a card, a question the bot cannot answer, or a comparison', () => {
    for (const text of ['saga', 'what is zanzibar?', 'explain zanzibar', 'compare saga zanzibar', 'help'])
      expect(remark(text), text).toBe(false);
  });
});
