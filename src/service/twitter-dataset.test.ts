/** The built-in Twitter log (2021-2023): valid, reproducible, every quote in its stored source, and the story told right. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTwitterDataset } from '../../scripts/build-twitter-dataset';
import { dictGet, dictKeys } from '../core/dict';
import { jsonSchemas } from '../core/json-schemas';
import { holderOf, type CompanyState } from '../core/state';
import { parseRecord } from '../core/validate';
import { openService } from './service';

const DATASET = fileURLToPath(new URL('../../data/twitter-2021-2023.jsonl', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const lines = readFileSync(DATASET, 'utf8').trimEnd().split('\n');
const citationsOf = (line: string) => {
  const { data } = JSON.parse(line);
  return [data.citation, data.data?.citation].filter(Boolean) as { document: string; url?: string; title?: string; quote: string }[];
};
const open = () => openService(DATASET, { appVersion: 'test', readOnly: true });
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

/** The state of Twitter at `at` (Pacific time unless it says otherwise), as known at `knownAt`. */
async function stateAt(at: string, knownAt?: string): Promise<CompanyState> {
  const service = await open();
  try {
    return service.log.ledger.stateAt('twitter', at, knownAt)!;
  } finally {
    service.close();
  }
}
const directors = (s: CompanyState) => dictKeys(s.board).sort();
const formerRole = (s: CompanyState, person: string, seat: string) => dictGet(dictGet(s.former, person)!, seat);

describe('data/twitter-2021-2023.jsonl', () => {
  it('every line is a valid CloudEvent record of our vocabulary, and validates against schemas/event.schema.json', () => {
    const validate = ajv.compile(jsonSchemas()['event.schema.json'] as object);
    for (const [index, line] of lines.entries()) {
      const value = JSON.parse(line);
      expect(() => parseRecord(value), `line ${index + 1}`).not.toThrow();
      expect(validate(value), `line ${index + 1}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(value).toMatchObject({ specversion: '1.0', seq: index + 1 });
    }
  });

  it('every event quotes, verbatim, a stored excerpt under data/sources whose header URL is the citation URL', () => {
    for (const line of lines.slice(1)) {
      for (const citation of citationsOf(line)) {
        expect(citation.document, citation.quote).toMatch(/^data\/sources\/[a-z0-9-]+\.txt$/);
        const [header = '', blank, ...rest] = readFileSync(join(ROOT, citation.document), 'utf8').split('\n');
        const [url, title] = header.split(' | ');
        expect(blank, `${citation.document}: a blank line after the header`).toBe('');
        expect(title, `${citation.document}: header title`).toBeTruthy();
        expect(citation.url, citation.document).toBe(url);
        expect(rest.join('\n'), `${citation.document}: ${citation.quote}`).toContain(citation.quote);
      }
    }
  });

  it('is exactly what scripts/build-twitter-dataset.ts produces (log and head anchor)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incumbent-twitter-')), 'twitter.jsonl');
    await buildTwitterDataset(path);
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(DATASET, 'utf8'));
    expect(readFileSync(`${path}.head`)).toEqual(readFileSync(`${DATASET}.head`));
  });

  it('starts its coverage on 29 November 2021: Dorsey CEO and the old board are baselines, and before then the snapshot says so', async () => {
    const service = await open();
    const early = JSON.parse(service.snapshotText({ at: '2021-11-28T12:00:00-08:00' }));
    const { changes } = await service['diff:between']({ company: 'twitter', from: '2021-11-28T12:00:00-08:00', to: '2021-11-29T06:00:00-08:00' });
    service.close();
    expect(early.companies).toEqual([]);
    expect(early.notYetCovered).toEqual([{ id: 'twitter', coverageFrom: '2021-11-29T08:00:00.000Z' }]);
    expect(changes).toEqual([]);
    const start = await stateAt('2021-11-29T06:00:00-08:00', '2021-11-30T00:00:00Z');
    expect(holderOf(start, 'CEO')).toMatchObject({ person: { name: 'Jack Dorsey' }, asOf: true });
    expect(holderOf(start, 'CTO')).toMatchObject({ person: { name: 'Parag Agrawal' }, asOf: true });
    expect(directors(start)).toEqual(['bret-taylor', 'jack-dorsey', 'patrick-pichette']);
    expect(start.chair?.person.name).toBe('Patrick Pichette');
  });

  it('hands over on 29 November 2021: Agrawal CEO (promoted from CTO), on the board, Taylor chair', async () => {
    const s = await stateAt('2021-11-30T12:00:00-08:00');
    expect(holderOf(s, 'CEO')).toMatchObject({ person: { name: 'Parag Agrawal' }, interim: false, replaces: 'jack-dorsey' });
    expect(holderOf(s, 'CTO')).toBeUndefined();
    expect(formerRole(s, 'parag-agrawal', 'cto')).toMatchObject({ endCause: 'promoted' });
    expect(formerRole(s, 'jack-dorsey', 'ceo')).toMatchObject({ endCause: 'resigned', replacedBy: 'parag-agrawal' });
    expect(s.chair).toMatchObject({ person: { name: 'Bret Taylor' }, interim: false });
    expect(dictGet(s.formerChairs, 'patrick-pichette')).toMatchObject({ endCause: 'replaced' });
    expect(dictGet(s.board, 'patrick-pichette')).toBeDefined();
    expect(dictGet(s.board, 'parag-agrawal')).toBeDefined();
  });

  it('follows the deal: the offer, the signed agreement pending, the termination attempt and its end', async () => {
    const offer = await stateAt('2022-04-20T12:00:00-07:00');
    expect(dictGet(offer.pending, 'musk-takeover-offer')?.kind).toBe('offer');
    expect(dictGet(offer.closed, 'musk-board-seat')?.outcome).toBe('refused');
    const signed = await stateAt('2022-05-01T12:00:00-07:00');
    expect(dictGet(signed.pending, 'musk-merger-agreement')?.kind).toBe('signed-agreement');
    expect(dictGet(signed.closed, 'musk-takeover-offer')?.outcome).toBe('concluded');
    const dispute = await stateAt('2022-08-01T12:00:00-07:00');
    expect(dictKeys(dispute.pending).sort()).toEqual(['musk-merger-agreement', 'musk-termination']);
    expect(dictGet(dispute.pending, 'musk-termination')?.kind).toBe('dispute');
    expect(dictGet(dispute.formerBoard, 'jack-dorsey')).toMatchObject({ endCause: 'term-ended' });
    const proceeding = await stateAt('2022-10-10T12:00:00-07:00');
    expect(dictGet(proceeding.closed, 'musk-termination')?.outcome).toBe('withdrawn');
    expect(dictKeys(proceeding.pending)).toEqual(['musk-merger-agreement']);
    expect(proceeding.control).toBeNull();
  });

  it('closes on 27 October 2022: taken private, the executives fired, the board dissolved with Musk as sole director', async () => {
    const s = await stateAt('2022-10-29T12:00:00-07:00');
    expect(dictGet(s.closed, 'musk-merger-agreement')).toMatchObject({ kind: 'signed-agreement', outcome: 'closed' });
    expect(dictKeys(s.pending)).toEqual([]);
    expect(s.control).toMatchObject({ controller: 'X Holdings I, Inc. (Elon Musk)', kind: 'taken-private' });
    for (const [person, seat] of [['parag-agrawal', 'ceo'], ['ned-segal', 'cfo'], ['vijaya-gadde', 'chief legal officer']] as const) {
      expect(formerRole(s, person, seat), `${person} ${seat}`).toMatchObject({ endCause: 'fired' });
    }
    expect(holderOf(s, 'CEO')).toBeUndefined();
    expect(directors(s)).toEqual(['elon-musk']);
    expect(s.chair).toBeNull();
    expect(dictGet(s.formerChairs, 'bret-taylor')).toMatchObject({ endCause: 'removed' });
    expect(dictKeys(s.formerBoard)).toHaveLength(10); // Dorsey (May) and the nine the filing names
  });

  it('knew the closing before the filings: on 28 October the old board still stood and control was "Elon Musk"', async () => {
    const s = await stateAt('2022-10-29T12:00:00-07:00', '2022-10-29T00:00:00Z');
    expect(directors(s)).toEqual(['bret-taylor', 'parag-agrawal', 'patrick-pichette']);
    expect(s.control?.controller).toBe('Elon Musk');
    expect(holderOf(s, 'CFO')).toBeUndefined();
    expect(formerRole(s, 'ned-segal', 'cfo')).toMatchObject({ endCause: 'fired' });
  });

  it('has Musk as CEO from the 31 October filing, then Yaccarino CEO with Musk executive chair and CTO from 5 June 2023', async () => {
    const musk = await stateAt('2022-11-15T12:00:00-08:00');
    expect(holderOf(musk, 'CEO')).toMatchObject({ person: { name: 'Elon Musk' }, replaces: 'parag-agrawal' });
    const end = await stateAt('2023-06-10T12:00:00-07:00');
    expect(holderOf(end, 'CEO')).toMatchObject({ person: { name: 'Linda Yaccarino' }, interim: false, replaces: 'elon-musk', certainty: 'reported' });
    expect(formerRole(end, 'elon-musk', 'ceo')).toMatchObject({ endCause: 'replaced', replacedBy: 'linda-yaccarino' });
    expect(end.chair).toMatchObject({ person: { name: 'Elon Musk' }, executive: true });
    expect(holderOf(end, 'CTO')?.person.name).toBe('Elon Musk');
    expect(directors(end)).toEqual(['elon-musk']);
  });
});
