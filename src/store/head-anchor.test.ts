import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnchorWriter, anchorPath, readAnchor } from './head-anchor';

const logPath = () => join(mkdtempSync(join(tmpdir(), 'incumbent-anchor-')), 'log.jsonl');
const hex = (n: number) => n.toString(16).padStart(64, '0');

describe('the head anchor', () => {
  it('is missing until written, then names the newest head', () => {
    const path = logPath();
    expect(readAnchor(path)).toBe('missing');
    const writer = new AnchorWriter(path);
    for (let seq = 1; seq <= 5; seq++) writer.write({ seq, hash: hex(seq) });
    writer.close();
    expect(readAnchor(path)).toEqual({ seq: 5, hash: hex(5) });
    expect(readFileSync(anchorPath(path)).length).toBe(512);
  });

  it('survives a torn write of either slot: the other slot still holds the previous head', () => {
    const path = logPath();
    const writer = new AnchorWriter(path);
    writer.write({ seq: 7, hash: hex(7) });
    writer.write({ seq: 9, hash: hex(9) });
    writer.close();
    const bytes = readFileSync(anchorPath(path));
    for (const slot of [0, 1]) {
      const torn = Buffer.from(bytes);
      torn.fill(0x20, slot * 256 + 10, slot * 256 + 40);
      writeFileSync(anchorPath(path), torn);
      expect(readAnchor(path)).toEqual(slot === 1 ? { seq: 7, hash: hex(7) } : { seq: 9, hash: hex(9) });
    }
  });

  it('reads an anchor that never named a head (empty, or zeros after a power cut) as missing, and one with a slot damaged as unreadable', () => {
    const path = logPath();
    for (const never of [Buffer.alloc(0), Buffer.alloc(512), Buffer.alloc(3)]) {
      writeFileSync(anchorPath(path), never);
      expect(readAnchor(path)).toBe('missing');
    }
    const zeros = Buffer.alloc(512);
    zeros[300] = 0x20;
    writeFileSync(anchorPath(path), zeros);
    expect(readAnchor(path)).toBe('unreadable');
  });

  it('never misreads a slot whose checksum does not match, and says when no slot is intact', () => {
    const path = logPath();
    const writer = new AnchorWriter(path);
    writer.write({ seq: 3, hash: hex(3) });
    writer.close();
    writeFileSync(anchorPath(path), readFileSync(anchorPath(path), 'utf8').replace('"seq":3', '"seq":4'));
    expect(readAnchor(path)).toBe('unreadable');
  });

  it('a writer reopened on an anchor writes the slot that is not the newest first', () => {
    const path = logPath();
    let writer = new AnchorWriter(path);
    writer.write({ seq: 1, hash: hex(1) });
    writer.close();
    writer = new AnchorWriter(path);
    writer.write({ seq: 2, hash: hex(2) });
    writer.close();
    const bytes = readFileSync(anchorPath(path), 'utf8');
    expect(bytes.slice(0, 256)).toMatch(/"seq":1/);
    expect(bytes.slice(256)).toMatch(/"seq":2/);
  });
});
