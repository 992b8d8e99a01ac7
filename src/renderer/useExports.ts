/** Snapshot and events export, import and copy: native dialogs on the desktop, downloads on the web. */
import { MAX_IMPORT_CHARS, type AppendResult } from '../core/contract';
import type { SnapshotRequest } from '../core/snapshot';
import { decodeUtf8 } from '../core/utf8';
import { unwrap, type Api } from './api';
import { PAGE } from './load-pacing';

const download = (fileName: string, parts: string | string[], type: string) => {
  const url = URL.createObjectURL(new Blob(typeof parts === 'string' ? [parts] : parts, { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

const pickFile = () =>
  new Promise<File | undefined>((resolve) => {
    const input = Object.assign(document.createElement('input'), { type: 'file', accept: '.jsonl,.ndjson,.json' });
    input.onchange = () => resolve(input.files?.[0]);
    input.click();
  });

export function exportsFor(api: Api) {
  return {
    /** `fileName` names the download (web mode): the moment in the company's zone, not in UTC. */
    async exportSnapshot(request: SnapshotRequest, fileName?: string): Promise<string | undefined> {
      if (api.desktop) return (await unwrap(api.desktop['snapshot:save'](request)))?.path;
      const built = await unwrap(api.contract['snapshot:build'](request));
      download(fileName ?? built.fileName, built.json, 'application/json');
      return fileName ?? built.fileName;
    },
    async copySnapshot(request: SnapshotRequest): Promise<number> {
      if (api.desktop) return (await unwrap(api.desktop['snapshot:copy'](request))).bytes;
      const { json } = await unwrap(api.contract['snapshot:build'](request));
      await navigator.clipboard.writeText(json);
      return json.length;
    },
    async importEvents(): Promise<AppendResult | undefined> {
      if (api.desktop) return (await unwrap(api.desktop['events:importFile']({}))) ?? undefined;
      const file = await pickFile();
      if (!file) return undefined;
      // UTF-8 takes at most 3 bytes a character: a file larger than this cannot fit, and is not read into the page at all.
      if (file.size > 3 * MAX_IMPORT_CHARS) throw new Error(`${file.name}: is larger than an import takes (${MAX_IMPORT_CHARS >> 20} Mi characters): append it with \`incumbent append --log LOG FILE\``);
      return await unwrap(api.contract['log:import']({ jsonl: decodeUtf8(new Uint8Array(await file.arrayBuffer()), file.name) }));
    },
    async exportEvents(fileName: string): Promise<string | undefined> {
      if (api.desktop) return (await unwrap(api.desktop['events:save']({})))?.path;
      // The page keeps no records: page through the log, as stored, into the file.
      const parts: string[] = [];
      const { head } = await unwrap(api.contract['log:summary']({}));
      // From where the last page ended: a page runs on to the end of a batch it would cut.
      for (let from = 1; from <= head.seq; ) {
        const { records } = await unwrap(api.contract['log:read']({ fromSeq: from, limit: PAGE }));
        parts.push(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
        from = (records.at(-1)?.seq ?? head.seq) + 1;
      }
      download(fileName, parts, 'application/x-ndjson');
      return fileName;
    },
  };
}
