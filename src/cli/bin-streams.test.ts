/**
 * The CLI as it is installed and run: the bin's first line, and a command whose reader of standard
 * output or standard error goes away early.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../bench/generate';

const tempDir = () => mkdtempSync(join(tmpdir(), 'incumbent-cli-'));

describe('the incumbent bin', () => {
  it('stops quietly when the reader of its output stops early (`incumbent events | head`)', async () => {
    const bin = fileURLToPath(new URL('../../bin/incumbent.js', import.meta.url));
    const log = join(tempDir(), 'long.jsonl');
    // More output than a pipe holds, so that the command is still writing when the reader goes.
    await generateLog(log, 2_000, 2);
    const child = spawn(process.execPath, [bin, 'events', '--log', log], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    await once(child.stdout, 'data');
    child.stdout.destroy();
    const [code] = (await once(child, 'exit')) as [number];
    expect({ code, err }).toEqual({ code: 0, err: '' });
  });

  it('says it succeeded when its messages cannot be read: a committed append exits 0 with standard error closed', async () => {
    const bin = fileURLToPath(new URL('../../bin/incumbent.js', import.meta.url));
    const log = join(tempDir(), 'log.jsonl');
    execFileSync(bin, ['init', '--log', log, '--title', 'Quiet'], { encoding: 'utf8' });
    const input = join(tempDir(), 'one.jsonl');
    writeFileSync(input, `${JSON.stringify({ type: 'board.joined', subject: 'acme', time: '2024-01-02T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'A quote.' }, person: { id: 'ann', name: 'Ann' } } })}\n`);
    // The reader of its standard error is gone before the command writes to it: a retry on a
    // failure would append the batch (which has no ids) a second time.
    const child = spawn(process.execPath, [bin, 'append', '--log', log, input], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.destroy();
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(readFileSync(log, 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });

  it('runs as the installed `incumbent` bin', () => {
    const bin = fileURLToPath(new URL('../../bin/incumbent.js', import.meta.url));
    // The kernel gives env the rest of the first line as one argument: only a utility's name is understood by every env.
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(execFileSync(bin, ['verify'], { encoding: 'utf8' })).toMatch(/^ok: /);
    const failed = spawnSync(bin, ['snapshot'], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/--at: is required/);
    // Run as a file or by `node`, standard input reaches the command.
    const log = join(mkdtempSync(join(tmpdir(), 'incumbent-bin-')), 'log.jsonl');
    execFileSync(bin, ['init', '--log', log, '--title', 'Bin'], { encoding: 'utf8' });
    const draft = { type: 'board.joined', subject: 'acme', time: '2024-01-02T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'A quote.' }, person: { id: 'ann', name: 'Ann' } } };
    expect(execFileSync(process.execPath, [bin, 'append', '--log', log, '-'], { encoding: 'utf8', input: `${JSON.stringify(draft)}\n` })).toMatch(/^appended #2 /);
    expect(spawnSync(process.execPath, [bin, 'snapshot'], { encoding: 'utf8' }).status).toBe(1);
    expect(readFileSync(log, 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });
});
