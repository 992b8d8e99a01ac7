/**
 * A lowdb adapter for the event log. Unlike lowdb's own adapters it never rewrites the file: `write`
 * appends the sealed lines that are not yet on disk, fsyncs, and refuses anything that would change
 * what is already there.
 */
import { closeSync, existsSync, fdatasyncSync, ftruncateSync, openSync, writeFileSync, writeSync } from 'node:fs';
import type { Adapter } from 'lowdb';
import { IncumbentError } from '../core/errors';
import type { Ledger } from '../core/ledger';
import type { Digests } from './digests';
import { readLog } from './read-log';

export interface LogData {
  ledger: Ledger;
  digests: Digests;
  /** Sealed lines waiting to be appended; the next `write` makes them durable. */
  pending: string[];
  /** Set when opening moved a torn tail aside. */
  recovered?: { line: number; reason: string; sideFile?: string };
}

export class JsonLinesAdapter implements Adapter<LogData> {
  readonly #path: string;
  #fd: number | undefined;
  #bytes = 0;
  #count = 0;

  readonly #readOnly: boolean;

  constructor(path: string, readOnly = false) {
    this.#path = path;
    this.#readOnly = readOnly;
  }

  async read(): Promise<LogData | null> {
    if (!existsSync(this.#path)) return null;
    const contents = await readLog(this.#path);
    let recovered: LogData['recovered'];
    if (contents.torn) {
      if (contents.ledger.head === 0) throw new IncumbentError('damaged', `${this.#path}: line 1 is incomplete; there is no log to recover`);
      if (this.#readOnly) return { ledger: contents.ledger, digests: contents.digests, pending: [], recovered: { line: contents.torn.line, reason: contents.torn.reason } };
      const sideFile = `${this.#path}.${Date.now()}.corrupt`;
      writeFileSync(sideFile, contents.torn.bytes);
      recovered = { line: contents.torn.line, reason: contents.torn.reason, sideFile };
    }
    if (this.#readOnly) return { ledger: contents.ledger, digests: contents.digests, pending: [] };
    this.#fd = openSync(this.#path, 'r+');
    if (contents.torn) {
      ftruncateSync(this.#fd, contents.validBytes);
      fdatasyncSync(this.#fd);
    }
    this.#bytes = contents.validBytes;
    this.#count = contents.ledger.head;
    return { ledger: contents.ledger, digests: contents.digests, pending: [], ...(recovered ? { recovered } : {}) };
  }

  async write(data: LogData): Promise<void> {
    if (data.ledger.head !== this.#count || data.digests.count !== this.#count) {
      throw new IncumbentError('conflict', `the event log is append-only: ${this.#count} records are on disk, the write holds ${data.ledger.head}`);
    }
    if (data.pending.length === 0) return;
    const fd = (this.#fd ??= openSync(this.#path, 'wx+'));
    const bytes = Buffer.from(`${data.pending.join('\n')}\n`);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, this.#bytes + written);
      fdatasyncSync(fd);
    } catch (error) {
      // Leave no partial line behind: the next append must start at a clean boundary.
      try {
        ftruncateSync(fd, this.#bytes);
      } catch {
        // The next open will set the torn tail aside.
      }
      throw new IncumbentError('io', `could not append to ${this.#path}: ${(error as Error).message}`);
    }
    this.#bytes += bytes.length;
    this.#count += data.pending.length;
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}

