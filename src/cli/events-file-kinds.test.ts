/** Events files as editors and careless hands make them, appended by the bin as a process. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/incumbent.js', import.meta.url));
const incumbent = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
const event = (id: string) =>
  JSON.stringify({ specversion: '1.0', id, source: 'urn:example', type: 'board.joined', subject: 'acme', time: '2024-01-10T09:00:00-05:00', timeprecision: 'day', timezone: 'America/New_York',
    data: { certainty: 'confirmed', citation: { document: 'Press release', quote: 'Jane Roe joins the board.' }, person: { id: 'jane-roe', name: 'Jane Roe' } } });

describe('an events file', () => {
  it('saved with a byte-order mark and Windows line ends is read; a CSV or a mark mid-file is named with what to do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-kinds-'));
    expect(incumbent(['init', '--log', 'acme.jsonl', '--title', 'Acme', '--company', 'acme'], dir).status).toBe(0);
    const before = readFileSync(join(dir, 'acme.jsonl'));
    writeFileSync(join(dir, 'bad.csv'), 'id,type\r\n1,board.joined\r\n');
    const csv = incumbent(['append', '--log', 'acme.jsonl', 'bad.csv'], dir);
    expect(csv.status).toBe(1);
    expect(csv.stderr).toMatch(/^incumbent append: line 1: is not valid JSON \(.*\): each line must be one event, a JSON object \{\.\.\.\} \(docs\/authoring\.md/);
    writeFileSync(join(dir, 'joined.jsonl'), `${event('a-1')}\n\ufeff${event('a-2')}\n`);
    const joined = incumbent(['append', '--log', 'acme.jsonl', 'joined.jsonl'], dir);
    expect(joined.stderr).toMatch(/^incumbent append: line 2: starts with a byte-order mark \(U\+FEFF\)/);
    expect(readFileSync(join(dir, 'acme.jsonl'))).toEqual(before);
    writeFileSync(join(dir, 'windows.jsonl'), `\ufeff${event('a-1')}\r\n`);
    const windows = incumbent(['append', '--log', 'acme.jsonl', 'windows.jsonl'], dir);
    expect(windows.status).toBe(0);
    expect(windows.stdout).toMatch(/^appended #2 a-1 board.joined/);
  });
});
