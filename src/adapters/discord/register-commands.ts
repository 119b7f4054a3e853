import { type REST, type RESTPostAPIApplicationCommandsJSONBody, Routes } from 'discord.js';

export type CommandChangeKind = 'added' | 'updated' | 'unchanged' | 'removed';

export interface CommandChange {
  readonly name: string;
  readonly change: CommandChangeKind;
}

export interface RegisterTarget {
  readonly applicationId: string;
  /** Set: that guild only (updates at once). Unset: global (for production). */
  readonly guildId?: string;
}

/** The parts of a command Discord keeps, with its defaults (`required: false`...) dropped, for comparison. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
    if (['id', 'application_id', 'version', 'guild_id', 'default_permission', 'nsfw'].includes(key)) continue;
    if (inner === false || inner === null || inner === undefined) continue;
    if (key.endsWith('_localizations')) continue;
    kept[key] = comparable(inner);
  }
  return kept;
}

/** What a PUT of `commands` changes, compared with the commands Discord has now. */
export function commandChanges(
  existing: readonly { name: string }[],
  commands: readonly RESTPostAPIApplicationCommandsJSONBody[],
): CommandChange[] {
  const byName = new Map(existing.map((command) => [command.name, command]));
  const changes: CommandChange[] = commands.map((command) => {
    const before = byName.get(command.name);
    if (!before) return { name: command.name, change: 'added' };
    const same = JSON.stringify(comparable(before)) === JSON.stringify(comparable({ type: 1, ...command }));
    return { name: command.name, change: same ? 'unchanged' : 'updated' };
  });
  const wanted = new Set(commands.map((command) => command.name));
  for (const command of existing)
    if (!wanted.has(command.name)) changes.push({ name: command.name, change: 'removed' });
  return changes;
}

/** PUTs the command definitions to a guild or globally; returns what changed. */
export async function registerCommands(
  rest: REST,
  target: RegisterTarget,
  commands: readonly RESTPostAPIApplicationCommandsJSONBody[],
): Promise<CommandChange[]> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  const existing = (await rest.get(route)) as { name: string }[];
  const changes = commandChanges(existing, commands);
  await rest.put(route, { body: commands });
  return changes;
}
