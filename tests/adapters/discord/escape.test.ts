import { describe, expect, it } from 'vitest';
import { escapeUserText } from '../../../src/adapters/discord/escape.js';

const Z = '\u200b';

describe('escapeUserText', () => {
  it('neutralises a masked link, and the bare URL in it is no longer a link', () => {
    expect(escapeUserText('daily on [Claim your prize](https://evil.example)')).toBe(
      `daily on \\[Claim your prize](https:${Z}//evil.example)`,
    );
  });

  it('defuses @everyone / @here, mentions and command mentions', () => {
    expect(escapeUserText('@everyone @Here <@123> <#456> <@&789> </pattern:1>')).toBe(
      `@${Z}everyone @${Z}Here <${Z}@123> <${Z}#456> <${Z}@&789> <${Z}/pattern:1>`,
    );
  });

  it('escapes markdown, headings and lists, and leaves plain text alone', () => {
    expect(escapeUserText('**b** _i_ `c` ||s||')).toBe('\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\|\\|s\\|\\|');
    expect(escapeUserText('# big\n- item\n1. first')).toBe('\\# big\n\\- item\n1\\. first');
    expect(escapeUserText('saga pattern')).toBe('saga pattern');
  });
});
