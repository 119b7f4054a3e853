/**
 * What a log line says about an error: its name, message, stack and HTTP status, but not the request
 * URL or body that discord.js errors carry (interaction webhook URLs contain the interaction token).
 */
export function errorContext(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const extra = error as Error & { status?: unknown; code?: unknown; method?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof extra.status === 'number' ? { status: extra.status } : {}),
    ...(extra.code !== undefined ? { code: extra.code } : {}),
    ...(typeof extra.method === 'string' ? { method: extra.method } : {}),
    stack: error.stack,
  };
}
