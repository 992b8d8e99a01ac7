/** An HTTP-level refusal: an IncumbentError that also knows its status and whether to hang up. */
import { IncumbentError, type ErrorCode } from '../core/errors';

export class HttpRefusal extends IncumbentError {
  readonly status: number;
  /** Extra response headers (`allow` for a 405). */
  readonly headers: Record<string, string>;
  /** Close the connection after answering: the rest of the request is not worth reading. */
  readonly hangUp: boolean;
  constructor(status: number, code: ErrorCode, message: string, options: { field?: string; headers?: Record<string, string>; hangUp?: boolean } = {}) {
    super(code, message, options.field);
    this.status = status;
    this.headers = options.headers ?? {};
    this.hangUp = options.hangUp ?? false;
  }
}
