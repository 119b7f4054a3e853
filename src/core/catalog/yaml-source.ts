import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { ContentProblem, FieldPath } from './content-problem.js';

/** Finds the 1-based line where a field path is written, or undefined. */
export type LineLocator = (path: FieldPath) => number | undefined;

export interface YamlSource {
  /** The plain JS value, or undefined when the text does not parse. */
  readonly value: unknown;
  readonly locate: LineLocator;
  readonly problems: ContentProblem[];
}

/** Limits that keep a hostile file cheap: alias expansion (billion laughs) and nesting. */
const MAX_ALIAS_COUNT = 50;

/**
 * Parses YAML 1.2 (core schema: `no` stays a string, dates stay strings) and keeps node ranges so every
 * later problem can be placed on a line. Duplicate keys are problems.
 */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const problems: ContentProblem[] = [
    ...doc.errors.map((error) => ({
      file,
      line: lineAt(error.pos[0]),
      message: `YAML: ${error.message.split('\n')[0] ?? error.code}`,
    })),
  ];

  const locate: LineLocator = (path) => {
    let node: unknown = doc.contents;
    let found: number | undefined =
      node && (node as Node).range ? lineAt((node as Node).range?.[0] ?? 0) : undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) return found;
        const keyRange = (pair.key as Node | null)?.range;
        if (keyRange) found = lineAt(keyRange[0]);
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) return found;
        const range = (item as Node).range;
        if (range) found = lineAt(range[0]);
        node = item;
      } else {
        return found;
      }
    }
    return found;
  };

  if (doc.errors.length > 0) return { value: undefined, locate, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    problems.push({ file, line: 1, message: `YAML: ${(error as Error).message}` });
    return { value: undefined, locate, problems };
  }
  return { value, locate, problems };
}
