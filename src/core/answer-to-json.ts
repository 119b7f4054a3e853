import { type Answer, answerPatterns, type CompareAnswer } from './answer.js';
import { richToPlain } from './card/card.js';
import { compareCard } from './card/compare-card.js';
import type { PatternDoc } from './catalog/pattern-doc.js';
import { type PatternSummary, patternToSummary } from './pattern.js';

/** A comparison as data: the one-line difference, the same rows for every pair, and the curated note. */
export interface ComparisonJson {
  readonly difference?: string;
  /** Each row's label and the two sides' text, in the order of `patterns`. */
  readonly rows: readonly { readonly label: string; readonly cells: readonly [string, string] }[];
  readonly note?: CompareAnswer['note'];
  /** False when the two solve different problems (no table is shown then). */
  readonly related: boolean;
}

export interface AnswerJson {
  readonly kind: Answer['kind'];
  /** The patterns shown, in display order. */
  readonly patterns: readonly PatternSummary[];
  readonly alternatives?: readonly PatternSummary[];
  readonly related?: readonly PatternSummary[];
  readonly suggestions?: readonly PatternSummary[];
  readonly category?: string;
  readonly reason?: string;
  readonly source?: string;
  readonly date?: string;
  /** What a `daily …` command came to. */
  readonly outcome?: string;
  /** A pattern answer to a comparison with a term outside the catalog: that term. */
  readonly versus?: string;
  /** A `term` answer's glossary term (it is not a pattern; `patterns` are the ones it relates to). */
  readonly term?: string;
  /** A pattern answer's authored content, under the file's own field names (absent for a plain TSV row). */
  readonly content?: PatternDoc;
  /** Which layer of the card was asked for, when not the first view. */
  readonly view?: string;
  readonly comparison?: ComparisonJson;
}

function comparisonJson(answer: CompareAnswer): ComparisonJson | undefined {
  const card = compareCard(answer, () => ({ tone: 'plain', blocks: [], groups: [] }));
  const columns = card.blocks.find((block) => block.type === 'columns');
  if (!answer.patterns[0].doc || !answer.patterns[1].doc) return undefined;
  const rows = columns?.type === 'columns' ? columns.rows : [];
  return {
    ...(columns && card.subtitle ? { difference: richToPlain(card.subtitle) } : {}),
    rows: rows.map((row) => ({
      label: row.label,
      cells: [richToPlain(row.cells[0]), richToPlain(row.cells[1])],
    })),
    ...(answer.note ? { note: answer.note } : {}),
    related: columns !== undefined,
  };
}

/** A stable JSON view of an answer, for the CLI and scripts. */
export function answerToJson(answer: Answer): AnswerJson {
  const base = { kind: answer.kind, patterns: answerPatterns(answer).map(patternToSummary) };
  switch (answer.kind) {
    case 'pattern':
      return {
        ...base,
        source: answer.source,
        ...(answer.date ? { date: answer.date } : {}),
        related: answer.related.map(patternToSummary),
        alternatives: answer.alternatives.map(patternToSummary),
        ...(answer.view && answer.view !== 'card' ? { view: answer.view } : {}),
        ...(answer.pattern.doc ? { content: answer.pattern.doc } : {}),
        ...(answer.versus ? { versus: answer.versus.term } : {}),
      };
    case 'compare': {
      const comparison = comparisonJson(answer);
      return comparison ? { ...base, comparison } : base;
    }
    case 'category':
      return { ...base, category: answer.group.category };
    case 'none':
      return { ...base, reason: answer.reason, suggestions: answer.suggestions.map(patternToSummary) };
    case 'daily':
      return { ...base, outcome: answer.outcome };
    case 'stats':
      return { ...base, outcome: answer.outcome };
    case 'term':
      return { ...base, term: answer.term };
    default:
      return base;
  }
}
