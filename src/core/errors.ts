/** Errors cross every boundary (IPC, HTTP, CLI) as data; this is their one shape. */
export type ErrorCode = 'invalid' | 'not-found' | 'conflict' | 'damaged' | 'locked' | 'io' | 'cancelled';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** The offending field as a dotted path (`events.2.data.person.id`), when there is one. */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export class IncumbentError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(field ? `${field}: ${message}` : message);
    this.name = 'IncumbentError';
    this.code = code;
    this.field = field;
  }
  toData(): AppError {
    const { code, field } = this;
    const message = field && this.message.startsWith(`${field}: `) ? this.message.slice(field.length + 2) : this.message;
    return field ? { code, message, field } : { code, message };
  }
}

/** Any thrown value as an AppError; unexpected failures keep their message but never their stack. */
export function toAppError(error: unknown): AppError {
  if (error instanceof IncumbentError) return error.toData();
  return { code: 'io', message: error instanceof Error ? error.message : String(error) };
}

/** Any thrown value as one sentence for a person, the field at fault first (`--log: is not ...`): what a terminal or a page says. */
export function sentenceOf(error: unknown): string {
  const { field, message } = toAppError(error);
  return field ? `${field}: ${message}` : message;
}

export const invalid = (field: string | undefined, message: string) => new IncumbentError('invalid', message, field);

/** A company the log does not have, refused with those it has: what to ask for instead. */
export function noSuchCompany(company: string, companies: readonly string[], field: string): IncumbentError {
  const shown = companies.slice(0, 10).join(', ') + (companies.length > 10 ? ` and ${companies.length - 10} more` : '');
  return new IncumbentError('not-found', `no company "${company}" in this log (${companies.length ? `its companies: ${shown}` : 'it has none yet'})`, field);
}
