import { dirname, resolve } from 'node:path';

/** What went wrong with the database, as an operator needs to know it. */
export type StorageFault =
  | 'unwritable'
  | 'corrupt'
  | 'full'
  | 'locked'
  | 'unreachable'
  | 'refused'
  | 'rejected'
  | 'too-new'
  | 'failed';

/**
 * A storage fault, worded for the operator: it names the variable, the file or server, and what to
 * do. At start-up the message is the one line to print; at run time callers catch it (check
 * `instanceof StorageError`) and show the user a "try again later" notice instead.
 */
export class StorageError extends Error {
  readonly fault: StorageFault;
  readonly variable: 'DATABASE_PATH' | 'DATABASE_URL';

  constructor(
    fault: StorageFault,
    variable: StorageError['variable'],
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${variable}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    this.fault = fault;
    this.variable = variable;
  }
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Whether a SQLite error is a lock held by another connection (worth waiting for). */
export function isSqliteBusy(error: unknown): boolean {
  const code = codeOf(error);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** A SQLite (or file system) error on `path` as a StorageError; one already is is returned as it is. */
export function sqliteStorageError(error: unknown, path: string, lockedForMs?: number): StorageError {
  if (error instanceof StorageError) return error;
  const file = resolve(path);
  const code = codeOf(error);
  const detail = `${code || 'error'}: ${messageOf(error)}`;
  const uid = typeof process.getuid === 'function' ? ` (uid ${process.getuid()})` : '';
  if (
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS' ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_PERM')
  ) {
    return new StorageError(
      'unwritable',
      'DATABASE_PATH',
      `cannot create or write ${file} (${detail}). Make ${dirname(file)} and the file writable by the user running the bot${uid}, or set DATABASE_PATH to a file in a writable directory.`,
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new StorageError(
      'corrupt',
      'DATABASE_PATH',
      `${file} is not a usable SQLite database (${detail}). Restore it from a backup, or move it (and any -wal and -shm files beside it) aside to start with an empty database.`,
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'SQLITE_IOERR_WRITE') {
    return new StorageError(
      'full',
      'DATABASE_PATH',
      `cannot write ${file}: the disk is full (${detail}). Free space on that disk, or set DATABASE_PATH to a file on another one.`,
      { cause: error },
    );
  }
  if (isSqliteBusy(error)) {
    const seconds = ((lockedForMs ?? 0) / 1000).toFixed(1);
    return new StorageError(
      'locked',
      'DATABASE_PATH',
      `${file} stayed locked for ${seconds} s (${detail}). Another program holds a write lock on it (a backup, an open sqlite3 shell, a stuck process): stop it; replicas on several machines need DATABASE_URL (PostgreSQL) instead of a shared file.`,
      { cause: error },
    );
  }
  return new StorageError('failed', 'DATABASE_PATH', `a database operation on ${file} failed (${detail}).`, {
    cause: error,
  });
}

/** The server part of a PostgreSQL URL, never its password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = parsed.pathname.replace(/^\//, '') || '(default database)';
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}/${database}`;
  } catch {
    return '(an unparsable URL)';
  }
}

/** A pg (or network) error as a StorageError naming DATABASE_URL's server and what to do. */
export function postgresStorageError(error: unknown, url: string, connectTimeoutMs: number): StorageError {
  if (error instanceof StorageError) return error;
  const server = describeDatabaseUrl(url);
  const code = codeOf(error);
  const message = messageOf(error);
  const detail = `${code || 'error'}: ${message}`;
  const make = (fault: StorageFault, text: string) =>
    new StorageError(fault, 'DATABASE_URL', text, { cause: error });
  if (code === 'ECONNREFUSED') {
    return make(
      'refused',
      `PostgreSQL at ${server} refused the connection (${detail}). Start the server, or fix the host and port in DATABASE_URL.`,
    );
  }
  if (
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    code === 'ETIMEDOUT' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH' ||
    /timeout/i.test(message)
  ) {
    return make(
      'unreachable',
      `cannot reach PostgreSQL at ${server} within ${connectTimeoutMs / 1000} s (${detail}). Check that the server is running and that the host name and port in DATABASE_URL are right and reachable from here.`,
    );
  }
  if (code === '28P01' || code === '28000') {
    return make(
      'rejected',
      `PostgreSQL at ${server} rejected the login (${detail}). Check the user name and password in DATABASE_URL and the server's pg_hba.conf.`,
    );
  }
  if (code === '3D000') {
    return make(
      'rejected',
      `the database named in DATABASE_URL does not exist on ${server} (${detail}). Create it (createdb) or fix the name.`,
    );
  }
  if (code === '42501') {
    return make(
      'rejected',
      `the user in DATABASE_URL may not create or change the bot's tables on ${server} (${detail}). Grant it CREATE on the schema, or run the bot once as the tables' owner.`,
    );
  }
  if (code === '53100') {
    return make(
      'full',
      `PostgreSQL at ${server} is out of disk space (${detail}). Free space on the server.`,
    );
  }
  if (code === '53300' || code === '57P03') {
    return make(
      'unreachable',
      `PostgreSQL at ${server} does not take connections now (${detail}). Wait for it to finish starting, or raise max_connections.`,
    );
  }
  if (code === '55P03' || code === '40P01') {
    return make('locked', `a lock on ${server} was not granted in time (${detail}). Try again.`);
  }
  return make('failed', `a database operation on ${server} failed (${detail}).`);
}
