/** Why content could not be shown: a message for people, and the HTTP status when there was one. */
export class DataError extends Error {
  override name = 'DataError';
  /** HTTP status of the failed response, if the failure was one. */
  readonly status?: number;
  /** Whether trying again may help (network errors, timeouts, 5xx). */
  readonly transient: boolean;
  /** How long the server asked to wait before trying again (its `Retry-After`), in milliseconds. */
  readonly retryAfter?: number;

  constructor(
    message: string,
    options: { status?: number; transient?: boolean; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = options.status;
    this.transient = options.transient ?? false;
    this.retryAfter = options.retryAfter;
  }
}

/** Any thrown value as a DataError with a readable message. */
export function toDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  if (error instanceof Error) return new DataError(error.message, { cause: error });
  return new DataError(String(error));
}

/**
 * A whole number of 0 or more as `toLocaleString('en')` writes it (5000 → "5,000"), without Intl:
 * its first use in a page loads the locale's data, 20–50 ms in Chromium (measured on a new page),
 * in the task that refuses a body.
 */
export const grouped = (count: number): string => String(count).replace(/\B(?=(\d{3})+$)/g, ',');
