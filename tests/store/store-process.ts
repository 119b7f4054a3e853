/**
 * A process for the multi-process store tests: `tsx store-process.ts '<json>'` with
 * { url, goAt: epoch ms, mode: 'migrate' | 'dedupe', ids?: string[] }. Waits until `goAt`, opens
 * the store (migrating it), and for `dedupe` asks `seenEvent` for each id; prints JSON.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../../src/store/create-store.js';

const args = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  goAt: number;
  mode: string;
  ids?: string[];
};
await sleep(Math.max(0, args.goAt - Date.now()));
const store = await openStore({ databasePath: '', databaseUrl: args.url });
const fresh: string[] = [];
if (args.mode === 'dedupe') {
  const answers = await Promise.all((args.ids ?? []).map((id) => store.seenEvent(id, 600_000)));
  answers.forEach((isNew, i) => {
    if (isNew) fresh.push(args.ids?.[i] as string);
  });
}
await store.close();
process.stdout.write(`${JSON.stringify({ pid: process.pid, fresh })}\n`);
