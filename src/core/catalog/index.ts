export {
  type ContentProblem,
  capProblems,
  formatContentProblem,
  MAX_PROBLEMS_PER_FILE,
} from './content-problem.js';
export { type GlossaryEntry, glossaryEntrySchema, glossaryKeys, glossarySchema } from './glossary-entry.js';
export { PAIR_RELATIONS, type PairNote, pairNoteSchema, pairNotesSchema } from './pair-note.js';
export { type Content, type ContentInput, type ContentText, parseContent } from './parse-content.js';
export {
  baseSlug,
  type ParsedFile,
  parseComparisonsFile,
  parseGlossaryFile,
  parsePatternFile,
  type Sourced,
} from './parse-content-file.js';
export * from './pattern-doc.js';
export { findPing, PING_SEQUENCES } from './text-rules.js';
export { type ValidateCatalogOptions, validateCatalog } from './validate-catalog.js';
export { type LineLocator, parseYamlSource } from './yaml-source.js';
