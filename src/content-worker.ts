/**
 * Parses and validates the authored content on a worker thread and posts it back as plain data.
 * Parsing YAML with line positions is allocation-heavy (about 20 MB of heap for the twelve files):
 * done here, that memory goes with the worker, and the bot's own heap holds only the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadContentDir } from './content-files.js';

parentPort?.postMessage(loadContentDir(String(workerData)));
