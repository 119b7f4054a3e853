import { Worker } from 'node:worker_threads';

/** How often the WAL is copied back into the database file. */
const CHECKPOINT_EVERY_MS = 1000;

/**
 * The checkpointer's thread: its own connection to the file, a PASSIVE checkpoint (it never waits
 * for a writer, and no writer waits for it) every `everyMs`, and a last one when told to stop.
 * Plain CommonJS, so it runs the same under tsx and from the build.
 */
const SCRIPT = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require('better-sqlite3');
let db;
try { db = new Database(workerData.path, { timeout: 0, fileMustExist: true }); } catch { process.exit(0); }
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); process.exit(0); });
`;

export interface Checkpointer {
  /** Stops the thread after a last checkpoint. */
  stop(): Promise<void>;
}

/**
 * Checkpoints a WAL-mode SQLite file from a worker thread, so that the fsync a checkpoint does never
 * blocks the event loop (better-sqlite3 is synchronous: an automatic checkpoint runs inside whichever
 * commit crosses the WAL's threshold, on the main thread, and holds a slash command's ack behind it).
 * The main connection turns automatic checkpoints off (`wal_autocheckpoint = 0`) and starts this.
 */
export function startCheckpointer(path: string, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const worker = new Worker(SCRIPT, { eval: true, workerData: { path, everyMs } });
  worker.unref();
  worker.on('error', () => {}); // a checkpoint that cannot run is retried by SQLite at the next commit's size
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      // Held until it has stopped: an unreferenced thread would let the process end inside `close()`.
      worker.ref();
      worker.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
