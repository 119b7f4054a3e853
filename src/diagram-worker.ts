/**
 * Draws the catalog's diagrams on a worker thread and posts the PNGs back: Graphviz's WebAssembly and
 * the rasteriser take about a second for the twelve, none of it on the thread that answers Slack and
 * Discord. The PNGs (about 60 kB each) are copied across, which is cheap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DiagramSource } from './diagrams/diagram-images.js';
import { drawDiagrams } from './diagrams/draw-diagrams.js';

const drawn = await drawDiagrams(workerData as DiagramSource[]);
parentPort?.postMessage(drawn);
