import type { ContentProblem } from './content-problem.js';
import { type GlossaryEntry, glossaryKeys } from './glossary-entry.js';
import type { PairNote } from './pair-note.js';
import { problemAt, type Sourced } from './parse-content-file.js';
import { type PatternDoc, SYMMETRIC_RELATION_TYPES } from './pattern-doc.js';
import { findPing } from './text-rules.js';

type Docs = readonly Sourced<PatternDoc>[];

/** Every string inside a value, with its field path (pings are checked here once more, after parsing). */
function* strings(value: unknown, path: (string | number)[] = []): Generator<[string, (string | number)[]]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

function duplicates(docs: Docs, problems: ContentProblem[]): void {
  const fields = [
    ['code', (d: PatternDoc) => d.code],
    ['slug', (d: PatternDoc) => d.slug],
    ['name', (d: PatternDoc) => d.name.toLowerCase()],
    ['short_name', (d: PatternDoc) => d.short_name.toLowerCase()],
  ] as const;
  for (const [field, key] of fields) {
    const first = new Map<string, string>();
    for (const doc of docs) {
      const k = key(doc.value);
      const seen = first.get(k);
      if (seen !== undefined)
        problems.push(problemAt(doc, [field], `duplicate ${field} "${k}" (also in ${seen})`));
      else first.set(k, doc.file);
    }
  }
  const aliasOwner = new Map<string, string>();
  for (const doc of docs) {
    for (const [index, alias] of (doc.value.aliases ?? []).entries()) {
      const key = alias.trim().toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== doc.value.slug) {
        problems.push(problemAt(doc, ['aliases', index], `alias "${alias}" is also an alias of ${owner}`));
      } else aliasOwner.set(key, doc.value.slug);
    }
  }
  const quizIds = new Map<string, string>();
  for (const doc of docs) {
    for (const [index, item] of doc.value.quiz.entries()) {
      const seen = quizIds.get(item.id);
      if (seen !== undefined && seen !== doc.value.slug)
        problems.push(problemAt(doc, ['quiz', index, 'id'], `quiz id "${item.id}" is also used in ${seen}`));
      else quizIds.set(item.id, doc.value.slug);
    }
  }
}

function urls(doc: Sourced<PatternDoc>, problems: ContentProblem[]): void {
  const seen = new Map<string, string>();
  const check = (url: string, path: (string | number)[]) => {
    if (!url.startsWith('https://')) problems.push(problemAt(doc, path, `URL "${url}" is not https`));
    const key = url.replace(/\/+$/, '').toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(problemAt(doc, path, `URL "${url}" is listed twice (first at ${first})`));
    else seen.set(key, path.join('.'));
  };
  for (const [i, impl] of doc.value.implementations.entries()) check(impl.url, ['implementations', i, 'url']);
  for (const [i, ref] of doc.value.references.entries()) check(ref.url, ['references', i, 'url']);
}

function relations(docs: Docs, unloaded: ReadonlySet<string>, problems: ContentProblem[]): void {
  const bySlug = new Map(docs.map((doc) => [doc.value.slug, doc]));
  for (const doc of docs) {
    for (const [index, rel] of doc.value.relations.entries()) {
      const target = bySlug.get(rel.slug);
      const path = ['relations', index, 'slug'];
      if (!target) {
        if (!unloaded.has(rel.slug))
          problems.push(
            problemAt(doc, path, `relation target "${rel.slug}" is not a pattern in the catalog`),
          );
        continue;
      }
      if (!SYMMETRIC_RELATION_TYPES.includes(rel.type)) continue;
      const mirrored = target.value.relations.some((r) => r.slug === doc.value.slug && r.type === rel.type);
      if (!mirrored) {
        problems.push(
          problemAt(
            doc,
            path,
            `"${rel.type}" reads both ways: ${rel.slug} (${target.file}) must also list ${doc.value.slug} as ${rel.type}`,
          ),
        );
      }
    }
  }
  // Cycles in `requires`: depth-first search, reporting each cycle once at the edge that closes it.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (slug: string, trail: string[]) => {
    state.set(slug, 'visiting');
    const doc = bySlug.get(slug);
    for (const [index, rel] of (doc?.value.relations ?? []).entries()) {
      if (rel.type !== 'requires' || !bySlug.has(rel.slug)) continue;
      const s = state.get(rel.slug);
      if (s === 'visiting' && doc) {
        const cycle = [...trail.slice(trail.indexOf(rel.slug)), slug, rel.slug].join(' → ');
        problems.push(problemAt(doc, ['relations', index, 'slug'], `"requires" forms a cycle: ${cycle}`));
      } else if (s === undefined) visit(rel.slug, [...trail, slug]);
    }
    state.set(slug, 'done');
  };
  for (const doc of docs) if (!state.has(doc.value.slug)) visit(doc.value.slug, []);
}

function pings(doc: Sourced<unknown>, problems: ContentProblem[]): void {
  for (const [value, path] of strings(doc.value)) {
    const ping = findPing(value);
    if (ping) problems.push(problemAt(doc, path, `contains "${ping}", which could ping a channel`));
  }
}

export interface ValidateCatalogOptions {
  /**
   * Slugs of pattern files that exist but did not load (their own problems are reported already):
   * references to them are not reported again. Without a glossary, term checks are skipped the same way.
   */
  readonly unloadedSlugs?: readonly string[];
}

/**
 * Checks that need the whole catalog: relation targets and symmetry, `requires` cycles, confusion and
 * pair-note terms, duplicates across files, URLs and pings. Per-file rules are in the schemas.
 */
export function validateCatalog(
  docs: Docs,
  glossary: Sourced<readonly GlossaryEntry[]> | undefined,
  comparisons: Sourced<readonly PairNote[]> | undefined,
  options: ValidateCatalogOptions = {},
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const unloaded = new Set(options.unloadedSlugs ?? []);
  const slugs = new Set(docs.map((doc) => doc.value.slug));
  const known = (slug: string) => slugs.has(slug) || unloaded.has(slug);
  const terms = new Map<string, number>();
  for (const [index, entry] of (glossary?.value ?? []).entries()) {
    for (const key of glossaryKeys(entry)) {
      const first = terms.get(key);
      if (first !== undefined && first !== index && glossary)
        problems.push(
          problemAt(glossary, [index, 'term'], `glossary term or alias "${key}" is also entry ${first}`),
        );
      else if (slugs.has(key) && glossary)
        problems.push(problemAt(glossary, [index, 'term'], `glossary term "${key}" is a pattern slug`));
      else terms.set(key, index);
    }
  }
  const isTerm = (name: string) => glossary === undefined || terms.has(name.trim().toLowerCase());

  duplicates(docs, problems);
  relations(docs, unloaded, problems);
  // A word must lead to one answer: a glossary term or alias may not also be a pattern alias.
  if (glossary) {
    for (const doc of docs) {
      for (const [index, alias] of (doc.value.aliases ?? []).entries()) {
        const entry = terms.get(alias.trim().toLowerCase());
        if (entry !== undefined)
          problems.push(
            problemAt(
              doc,
              ['aliases', index],
              `alias "${alias}" is also the glossary term "${glossary.value[entry]?.term}"; keep one of them`,
            ),
          );
      }
    }
  }
  for (const doc of docs) {
    urls(doc, problems);
    pings(doc, problems);
    for (const [index, confusion] of doc.value.confusions.entries()) {
      if (confusion.with === doc.value.slug) {
        problems.push(
          problemAt(doc, ['confusions', index, 'with'], 'a pattern cannot be confused with itself'),
        );
      } else if (!known(confusion.with) && !isTerm(confusion.with)) {
        problems.push(
          problemAt(
            doc,
            ['confusions', index, 'with'],
            `"${confusion.with}" is neither a pattern slug nor a glossary term or alias`,
          ),
        );
      }
    }
  }

  if (glossary) {
    pings(glossary, problems);
    for (const [index, entry] of glossary.value.entries()) {
      for (const [r, rel] of entry.relates.entries()) {
        if (!known(rel.slug))
          problems.push(
            problemAt(glossary, [index, 'relates', r, 'slug'], `"${rel.slug}" is not a pattern slug`),
          );
      }
    }
  }

  if (comparisons) {
    pings(comparisons, problems);
    const pairs = new Map<string, number>();
    for (const [index, note] of comparisons.value.entries()) {
      const [a, b] = note.pair;
      const at = (path: (string | number)[], message: string) =>
        problems.push(problemAt(comparisons, [index, ...path], message));
      if (note.within !== undefined && !known(note.within))
        at(['within'], `"${note.within}" is not a pattern slug`);
      if (!known(a) && !(note.within !== undefined && isTerm(a)))
        at(['pair', 0], `"${a}" is not a pattern slug${note.within ? ' or a glossary term' : ''}`);
      if (!known(b) && !isTerm(b)) at(['pair', 1], `"${b}" is neither a pattern slug nor a glossary term`);
      if (a.toLowerCase() === b.toLowerCase()) at(['pair'], 'a pair needs two different names');
      const key = [a.toLowerCase(), b.toLowerCase()].sort().join(' | ');
      const first = pairs.get(key);
      if (first !== undefined) at(['pair'], `the pair ${a} / ${b} is already note ${first}`);
      else pairs.set(key, index);
    }
  }
  return problems;
}
