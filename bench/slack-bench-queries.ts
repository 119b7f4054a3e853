/** What the Slack benchmark asks, in turn: a lookup, a comparison, the list, a category, a typo, help and nonsense. */
export const BENCH_QUERIES = [
  'saga',
  'compare cqrs event sourcing',
  'list',
  'category data',
  'circuit braker',
  'help',
  'zzz',
] as const;
