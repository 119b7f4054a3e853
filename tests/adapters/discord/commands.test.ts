import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { DISCORD_COMMANDS, PATTERN_COMMAND } from '../../../src/adapters/discord/commands.js';
import { COMMAND_DESCRIPTION, COMMAND_NAME, COMMANDS } from '../../../src/core/commands.js';

describe('the /pattern command JSON', () => {
  it('is generated from the core command list', () => {
    const commands: readonly RESTPostAPIApplicationCommandsJSONBody[] = DISCORD_COMMANDS;
    expect(commands.map((command) => command.name)).toEqual([COMMAND_NAME]);
    expect(PATTERN_COMMAND.description).toBe(COMMAND_DESCRIPTION);
    const query = PATTERN_COMMAND.options[0];
    expect(query.description).not.toContain('…');
    expect(query.description).toContain(`(${COMMANDS[0].examples[0]}`);
    for (const command of COMMANDS.slice(1)) expect(query.description).toContain(command.name);
  });

  it('has a required autocompleted string query, an optional private boolean and an optional user', () => {
    expect(PATTERN_COMMAND).toEqual({
      type: 1,
      name: 'pattern',
      description: COMMAND_DESCRIPTION,
      options: [
        {
          type: 3,
          name: 'query',
          description: expect.stringMatching(/^A pattern \(saga\) or: more, compare, list, category, /),
          required: true,
          autocomplete: true,
        },
        {
          type: 5,
          name: 'private',
          description: 'Only you see the answer (default: everyone in the channel)',
          required: false,
        },
        { type: 6, name: 'user', description: 'Address the answer to someone', required: false },
      ],
    });
  });

  it('keeps Discord naming rules: lower-case names of 1-32 characters, descriptions of 1-100', () => {
    for (const item of [PATTERN_COMMAND, ...PATTERN_COMMAND.options]) {
      expect(item.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(item.description.length).toBeGreaterThan(0);
      expect(item.description.length).toBeLessThanOrEqual(100);
    }
  });
});
