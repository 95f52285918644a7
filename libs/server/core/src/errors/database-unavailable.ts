/**
 * True when an error means "the database cannot be reached right now" rather than a bug:
 * refused or timed-out connections, a server shutting down, a dropped connection.
 * Such failures reach clients as SERVICE_UNAVAILABLE instead of a masked internal error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const err = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown };
    const code = typeof err.code === 'string' ? err.code : '';
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
    // SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, crash recovery).
    if (/^08|^57P0[1-3]$/u.test(code)) return true;
    const message = typeof err.message === 'string' ? err.message : '';
    if (
      /timeout exceeded when trying to connect|Connection terminated|connection is closed|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)/iu.test(
        message,
      )
    ) {
      return true;
    }
    e = err.driverError ?? err.originalError ?? err.cause;
  }
  return false;
}
