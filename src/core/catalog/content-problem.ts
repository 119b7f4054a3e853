/** One thing wrong with a content file: by line where one is known, else by field path. */
export interface ContentProblem {
  readonly file: string;
  /** 1-based line, when the problem points at a place in the file. */
  readonly line?: number;
  /** Dotted field path such as `quiz.1.answer`, when the problem is about a field. */
  readonly path?: string;
  readonly message: string;
}

/** At most this many problems are listed for one file; the rest are counted. */
export const MAX_PROBLEMS_PER_FILE = 100;

export type FieldPath = readonly (string | number)[];

export function pathToString(path: FieldPath): string {
  return path.map(String).join('.');
}

/** `file:line: path: message`, or `file:path: message` where no line is known. */
export function formatContentProblem(problem: ContentProblem): string {
  if (problem.line !== undefined) {
    const where = problem.path ? `${problem.path}: ` : '';
    return `${problem.file}:${problem.line}: ${where}${problem.message}`;
  }
  if (problem.path) return `${problem.file}:${problem.path}: ${problem.message}`;
  return `${problem.file}: ${problem.message}`;
}

/** Keeps the first MAX_PROBLEMS_PER_FILE problems of each file and adds one line counting the rest. */
export function capProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  const perFile = new Map<string, number>();
  const kept: ContentProblem[] = [];
  for (const problem of problems) {
    const count = (perFile.get(problem.file) ?? 0) + 1;
    perFile.set(problem.file, count);
    if (count <= MAX_PROBLEMS_PER_FILE) kept.push(problem);
  }
  for (const [file, count] of perFile) {
    if (count > MAX_PROBLEMS_PER_FILE) {
      kept.push({
        file,
        message: `${count - MAX_PROBLEMS_PER_FILE} more problems not shown (${count} in all)`,
      });
    }
  }
  return kept;
}
