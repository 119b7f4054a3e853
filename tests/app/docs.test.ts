import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../src/config.js';
import { COMMANDS } from '../../src/core/commands.js';
import { ROOT } from '../helpers/run.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const envExample = readFileSync(join(ROOT, '.env.example'), 'utf8');
const variables = [...Object.keys(envSchema.shape), 'ENV_FILE'];

describe('the docs keep up with the code', () => {
  it.each(variables)('%s is in .env.example and the README', (name) => {
    expect(envExample).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    expect(readme).toContain(`\`${name}\``);
  });

  it.each(COMMANDS.map((command) => command.name).filter((name) => name !== 'lookup'))(
    'the README documents "%s"',
    (name) => {
      expect(readme).toMatch(new RegExp(`\`${name}[\` ]`));
    },
  );

  it('the README gives the two set-up commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
