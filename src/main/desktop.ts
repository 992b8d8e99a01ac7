/** The desktop-only operations: native dialogs and the clipboard, over the current log session. */
import { decodeUtf8 } from '../core/utf8';
import { clipboard, dialog, type BrowserWindow } from 'electron';
import { closeSync, constants, existsSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { MAX_IMPORT_CHARS, parseArgs } from '../core/contract';
import { IncumbentError } from '../core/errors';
import type { LogSession } from '../service/session';
import type { SharedLogs } from '../service/shared-logs';
import { refuseLogFiles } from '../store/log-file';
import { readRegularFile } from '../store/regular-file';
import { isPostgresUrl } from '../store/log-store';
import type { SettingsStore } from '../store/settings';
import type { DesktopHandlers } from './ipc';

const LOG_FILTER = [{ name: 'Incumbent event log', extensions: ['jsonl'] }];

/** A shared log in Open Recent whose password is not kept on this computer: the menu asks for it. */
export const NEEDS_PASSWORD = 'the password of this shared log is not kept on this computer (no keychain); type it again';

/** UTF-8 takes at most 3 bytes per UTF-16 unit (a 4-byte character is 2 units): no longer file can hold an import the contract takes. */
const MAX_IMPORT_BYTES = 3 * MAX_IMPORT_CHARS;

/**
 * The picked file's bytes, read without blocking: a FIFO would stop the main process (every
 * window) until a writer closed it, and a device would fill its memory. Either, and a file too
 * large to be an import, is refused before a byte is read.
 */
function readImportFile(path: string): Buffer {
  let bytes: Buffer | undefined;
  try {
    bytes = readRegularFile(path, MAX_IMPORT_BYTES);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new IncumbentError('invalid', /larger/.test(message) ? `${path} is larger than an import can be (${MAX_IMPORT_CHARS >> 20} Mi characters): append it with \`incumbent append --log LOG FILE\`` : message, 'file');
  }
  if (!bytes) throw new IncumbentError('not-found', `${path} is not there any more`, 'file');
  return bytes;
}

/**
 * Writes `text` to `path`, a regular file or none yet. Opened without blocking and checked through
 * that one descriptor before it is cut: a FIFO picked in a save dialog would otherwise block the
 * main process (every window) until something read it, and a device would be written to.
 */
function writeRegularFile(path: string, text: string): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_NONBLOCK, 0o666);
  } catch (error) {
    // ENXIO: a FIFO that nothing reads.
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new IncumbentError('invalid', `${path} is not a regular file: save it under another name`, 'path');
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) throw new IncumbentError('invalid', `${path} is not a regular file: save it under another name`, 'path');
    ftruncateSync(fd, 0);
    const bytes = Buffer.from(text);
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written, written);
  } finally {
    closeSync(fd);
  }
}

export function desktopHandlers(session: LogSession, settings: SettingsStore, shared: SharedLogs, window: () => BrowserWindow | undefined, onLogChanged: () => void): DesktopHandlers {
  const win = () => {
    const w = window();
    if (!w) throw new IncumbentError('cancelled', 'no window');
    return w;
  };
  const openLog = async (path: string, title?: string) => {
    const service = await session.open(path, title);
    await settings.remember(path);
    onLogChanged();
    return service['log:summary']({});
  };
  /** Saves `what` where the user says, never over the log open or a file kept beside it (the dialog only asks to replace). */
  const saveTo = async (log: string, what: string, defaultPath: string, filters: Electron.FileFilter[], text: () => string) => {
    const { canceled, filePath } = await dialog.showSaveDialog(win(), { defaultPath, filters });
    if (canceled || !filePath) return null;
    refuseLogFiles(filePath, log, what, 'path');
    writeRegularFile(filePath, text());
    return { path: filePath };
  };

  return {
    'file:open': async () => {
      const { canceled, filePaths } = await dialog.showOpenDialog(win(), { filters: LOG_FILTER, properties: ['openFile'] });
      return canceled || !filePaths[0] ? null : openLog(filePaths[0]);
    },
    'file:new': async () => {
      const { canceled, filePath } = await dialog.showSaveDialog(win(), { defaultPath: 'Untitled.jsonl', filters: LOG_FILTER, buttonLabel: 'Create' });
      if (canceled || !filePath) return null;
      if (existsSync(filePath)) throw new IncumbentError('conflict', `${filePath} already exists; a new log needs a new file (logs are never overwritten)`);
      return openLog(filePath, basename(filePath, '.jsonl'));
    },
    // Shared logs are listed by their connection string, which never holds a password.
    'file:recent': async () => settings.get().recent.filter((path) => isPostgresUrl(path) || existsSync(path)),
    'file:openRecent': async ({ path }) => {
      if (!settings.get().recent.includes(path)) throw new IncumbentError('invalid', 'is not one of the recent logs', 'path');
      if (!isPostgresUrl(path)) return openLog(path);
      const summary = await shared.reopen(path);
      if (summary === 'ask') throw new IncumbentError('invalid', NEEDS_PASSWORD, 'password');
      onLogChanged();
      return summary;
    },
    'file:openShared': async (request) => {
      const summary = await shared.open(request);
      onLogChanged();
      return summary;
    },
    'events:importFile': async () => {
      const { canceled, filePaths } = await dialog.showOpenDialog(win(), { filters: [{ name: 'CloudEvents, JSON Lines', extensions: ['jsonl', 'ndjson', 'json'] }], properties: ['openFile'] });
      if (canceled || !filePaths[0]) return null;
      // Through the contract's own check, as the page's import over HTTP is: the main process holds no larger text.
      const args = parseArgs('log:import', { jsonl: decodeUtf8(readImportFile(filePaths[0]), filePaths[0]) });
      return (await session.ready())['log:import'](args);
    },
    'events:save': async () => {
      const log = await session.ready();
      return saveTo(log.log.path, 'export', `${basename(log.log.path, '.jsonl')}-export.jsonl`, LOG_FILTER, () => log.eventsText());
    },
    'snapshot:save': async (request) => {
      const log = await session.ready();
      const { fileName } = await log['snapshot:build'](request);
      return saveTo(log.log.path, 'snapshot', fileName, [{ name: 'Snapshot (JSON)', extensions: ['json'] }], () => log.snapshotText(request));
    },
    'snapshot:copy': async (request) => {
      const text = (await session.ready()).snapshotText(request);
      clipboard.writeText(text);
      return { bytes: Buffer.byteLength(text) };
    },
  };
}
