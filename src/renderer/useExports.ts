/** Snapshot and events export, import and copy: native dialogs on the desktop, downloads on the web. */
import type { EventRecord } from '../core/event';
import type { SnapshotRequest } from '../core/snapshot';
import { unwrap, type Api } from './api';

const download = (fileName: string, text: string, type: string) => {
  const url = URL.createObjectURL(new Blob([text], { type }));
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

export function exportsFor(api: Api, records: () => readonly EventRecord[]) {
  return {
    async exportSnapshot(request: SnapshotRequest): Promise<string | undefined> {
      if (api.desktop) return (await unwrap(api.desktop['snapshot:save'](request)))?.path;
      const { json, fileName } = await unwrap(api.contract['snapshot:build'](request));
      download(fileName, json, 'application/json');
      return fileName;
    },
    async copySnapshot(request: SnapshotRequest): Promise<number> {
      if (api.desktop) return (await unwrap(api.desktop['snapshot:copy'](request))).bytes;
      const { json } = await unwrap(api.contract['snapshot:build'](request));
      await navigator.clipboard.writeText(json);
      return json.length;
    },
    async importEvents(): Promise<EventRecord[] | undefined> {
      if (api.desktop) return (await unwrap(api.desktop['events:importFile']({})))?.appended;
      const file = await pickFile();
      return file && (await unwrap(api.contract['log:import']({ jsonl: await file.text() }))).appended;
    },
    async exportEvents(fileName: string): Promise<string | undefined> {
      if (api.desktop) return (await unwrap(api.desktop['events:save']({})))?.path;
      download(fileName, records().map((r) => `${JSON.stringify(r)}\n`).join(''), 'application/x-ndjson');
      return fileName;
    },
  };
}
