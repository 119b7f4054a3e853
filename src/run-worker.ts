import { Worker } from 'node:worker_threads';

/**
 * Runs one of our worker scripts (a file beside this one, named without its extension) with `data`
 * and resolves with the first message it posts. Run from the sources (tsx), the worker registers the
 * same loader before it reads TypeScript.
 */
export function runWorker<T>(name: string, data: unknown): Promise<T> {
  const own = import.meta.url;
  const script = new URL(own.endsWith('.ts') ? `./${name}.ts` : `./${name}.js`, own);
  return new Promise((resolve, reject) => {
    const worker = own.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`,
          { eval: true, workerData: data },
        )
      : new Worker(script, { workerData: data });
    worker.once('message', (message: T) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the ${name} exited with ${code}`)));
  });
}
