/** The built-in OpenAI dataset: valid, reproducible, and telling the story the seed articles tell. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dictGet, dictKeys } from '../core/dict';
import { holderOf } from '../core/state';
import { describe, expect, it } from 'vitest';
import { buildOpenAiDataset } from '../../scripts/build-openai-dataset';
import { jsonSchemas } from '../core/json-schemas';
import { parseRecord } from '../core/validate';
import { openService } from './service';

const DATASET = fileURLToPath(new URL('../../data/openai-2023-11.jsonl', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = 'data/sources/';
const lines = readFileSync(DATASET, 'utf8').trimEnd().split('\n');
const citationsOf = (line: string) => {
  const { data } = JSON.parse(line);
  return [data.citation, data.data?.citation].filter(Boolean) as { document: string; url?: string; title?: string; quote: string }[];
};

/** Stored excerpts of press articles: a header line "<url> | <title>", a blank line, then the excerpt as retrieved. */
const excerpts = readdirSync(join(ROOT, SOURCES))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => {
    const text = readFileSync(join(ROOT, SOURCES, name), 'utf8');
    const [header = '', blank, ...rest] = text.split('\n');
    const [url = '', title = ''] = header.split(' | ');
    return { document: `${SOURCES}${name}`, url, title, blank, body: rest.join('\n') };
  });
const open = () => openService(DATASET, { appVersion: 'test', readOnly: true });
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

describe('data/openai-2023-11.jsonl', () => {
  it('gives the night of 21 November to the day only: neither the seed article nor the press excerpts give an hour for the agreement in principle or the posts after it', () => {
    const night = lines.map((line) => JSON.parse(line) as { id: string; time: string; timeprecision: string }).filter((r) => r.time.startsWith('2023-11-21'));
    expect(night.length).toBeGreaterThan(0);
    expect(night.filter((r) => r.timeprecision !== 'day').map((r) => `${r.id} ${r.timeprecision}`)).toEqual([]);
  });

  it('every line is a valid CloudEvent record of our vocabulary, and validates against schemas/event.schema.json', () => {
    const validate = ajv.compile(jsonSchemas()['event.schema.json'] as object);
    for (const [index, line] of lines.entries()) {
      const value = JSON.parse(line);
      expect(() => parseRecord(value), `line ${index + 1}`).not.toThrow();
      expect(validate(value), `line ${index + 1}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(value).toMatchObject({ specversion: '1.0', seq: index + 1 });
    }
  });

  it('each event from a seed article quotes a sentence that is really in it', () => {
    for (const line of lines) {
      for (const citation of citationsOf(line)) {
        if (!citation.document.startsWith('seeds/')) continue;
        const article = readFileSync(join(SEEDS, citation.document.slice('seeds/'.length)), 'utf8');
        expect(article, citation.quote).toContain(citation.quote);
      }
    }
  });

  it('each event citing a stored press excerpt (data/sources) quotes it verbatim', () => {
    expect(excerpts.length).toBeGreaterThan(0);
    const byUrl = new Map(excerpts.map((excerpt) => [excerpt.url, excerpt]));
    const byDocument = new Map(excerpts.map((excerpt) => [excerpt.document, excerpt]));
    const cited = new Set<string>();
    for (const line of lines) {
      for (const citation of citationsOf(line)) {
        const matches = [byDocument.get(citation.document), citation.url === undefined ? undefined : byUrl.get(citation.url)];
        if (citation.document.startsWith(SOURCES)) expect(matches[0], `${citation.document} is not stored`).toBeDefined();
        for (const excerpt of matches) {
          if (!excerpt) continue;
          cited.add(excerpt.document);
          expect(citation.url, `${citation.document}: the citation's URL is the excerpt's`).toBe(excerpt.url);
          expect(excerpt.body, `${excerpt.document}: ${citation.quote}`).toContain(citation.quote);
        }
      }
    }
    // data/sources is shared by the built-in logs: an excerpt another one cites is not stray.
    for (const other of readdirSync(join(ROOT, 'data')).filter((name) => name.endsWith('.jsonl') && join(ROOT, 'data', name) !== DATASET)) {
      for (const line of readFileSync(join(ROOT, 'data', other), 'utf8').trimEnd().split('\n')) for (const citation of citationsOf(line)) cited.add(citation.document);
    }
    for (const excerpt of excerpts) {
      expect(excerpt.url, `${excerpt.document}: header URL`).toMatch(/^https?:\/\/\S+$/);
      expect(excerpt.title, `${excerpt.document}: header title`).not.toBe('');
      expect(excerpt.blank, `${excerpt.document}: a blank line after the header`).toBe('');
      expect(cited.has(excerpt.document), `${excerpt.document} is cited by some event`).toBe(true);
    }
  });

  it('is exactly what scripts/build-openai-dataset.ts produces', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incumbent-dataset-')), 'openai.jsonl');
    await buildOpenAiDataset(path);
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(DATASET, 'utf8'));
    expect(readFileSync(`${path}.head`)).toEqual(readFileSync(`${DATASET}.head`));
  });

  it.each([
    ['2023-11-17T08:00:00-08:00', 'Sam Altman', false],
    ['2023-11-18T12:00:00-08:00', 'Mira Murati', true],
    ['2023-11-20T23:00:00-08:00', 'Emmett Shear', true],
    ['2023-11-22T12:00:00-08:00', 'Emmett Shear', true],
    ['2023-11-30T12:00:00-08:00', 'Sam Altman', false],
  ])('at %s the CEO is %s (interim: %s)', async (at, name, interim) => {
    const service = await open();
    const state = service.log.ledger.stateAt('openai', at)!;
    service.close();
    expect(holderOf(state, 'CEO')).toMatchObject({ person: { name }, interim });
  });

  it('models its coverage: facts true when it starts are baselines, never changes; before it, the snapshot says so', async () => {
    const service = await open();
    const early = JSON.parse(service.snapshotText({ at: '2023-11-16T12:00:00-08:00' }));
    const start = JSON.parse(service.snapshotText({ at: '2023-11-17T08:00:00-08:00' }));
    const { changes } = await service['diff:between']({ company: 'openai', from: '2023-11-16T12:00:00-08:00', to: '2023-11-17T08:00:00-08:00' });
    const firing = await service['diff:between']({ company: 'openai', from: '2023-11-17T08:00:00-08:00', to: '2023-11-17T13:00:00-08:00' });
    service.close();
    expect(early.companies).toEqual([]);
    expect(early.notYetCovered).toEqual([{ id: 'openai', coverageFrom: '2023-11-17T08:00:00.000Z' }]);
    expect(start.companies[0].coverage).toEqual({ time: '2023-11-17T00:00:00-08:00', precision: 'day', timezone: 'America/Los_Angeles' });
    expect(start.companies[0].roles.find((r: { role: string }) => r.role === 'CEO')).toMatchObject({ asOf: true, person: { name: 'Sam Altman' } });
    expect(changes).toEqual([]);
    expect(firing.sentences).toContain('Sam Altman left CEO (fired)');
  });

  it('shows the board before and after the firing, and the agreement in principle as pending', async () => {
    const service = await open();
    const { ledger } = service.log;
    const before = ledger.stateAt('openai', '2023-11-17T08:00:00-08:00')!;
    const after = ledger.stateAt('openai', '2023-11-18T12:00:00-08:00')!;
    const end = ledger.stateAt('openai', '2023-11-22T12:00:00-08:00')!;
    service.close();
    expect(dictKeys(before.board).sort()).toEqual(['adam-dangelo', 'greg-brockman', 'helen-toner', 'ilya-sutskever', 'sam-altman', 'tasha-mccauley']);
    expect(before.chair?.person.name).toBe('Greg Brockman');
    expect(dictKeys(after.board).sort()).toEqual(['adam-dangelo', 'helen-toner', 'ilya-sutskever', 'tasha-mccauley']);
    expect(after.chair).toBeNull();
    expect(dictGet(end.pending, 'altman-return-agreement')?.kind).toBe('agreement-in-principle');
    expect(dictGet(end.closed, 'altman-return-talks')?.outcome).toBe('concluded');
    expect(dictGet(end.petitions, 'staff-letter')?.signatories).toBe(700);
  });

  it('ends with the crisis resolved: Altman back, the new initial board seated, nothing left pending', async () => {
    const service = await open();
    const { ledger } = service.log;
    const end = ledger.stateAt('openai', '2023-11-30T12:00:00-08:00')!;
    const afterDeal = ledger.stateAt('openai', '2023-11-22T12:00:00-08:00')!;
    const knownBeforeOfficial = ledger.stateAt('openai', '2023-11-30T12:00:00-08:00', '2023-11-25T00:00:00Z')!;
    service.close();
    expect(holderOf(end, 'CEO')).toMatchObject({ person: { name: 'Sam Altman' }, interim: false, replaces: 'emmett-shear' });
    expect(holderOf(end, 'President')).toMatchObject({ person: { name: 'Greg Brockman' }, interim: false });
    expect(holderOf(end, 'CTO')).toMatchObject({ person: { name: 'Mira Murati' }, interim: false });
    expect(dictGet(dictGet(end.former, 'emmett-shear')!, 'ceo')).toMatchObject({ endCause: 'replaced', replacedBy: 'sam-altman', until: { time: '2023-11-29T11:00:00-08:00', precision: 'day' } });
    expect(dictGet(dictGet(end.former, 'mira-murati')!, 'ceo')).toMatchObject({ interim: true, endCause: 'replaced', replacedBy: 'emmett-shear' });
    expect(dictKeys(end.board).sort()).toEqual(['adam-dangelo', 'bret-taylor', 'larry-summers']);
    expect(end.chair).toMatchObject({ person: { name: 'Bret Taylor' }, interim: false });
    expect(dictKeys(end.pending)).toEqual([]);
    expect(dictGet(end.closed, 'altman-return-agreement')).toMatchObject({ kind: 'agreement-in-principle', outcome: 'concluded' });
    expect(dictGet(end.closed, 'altman-new-venture')?.outcome).toBe('superseded');
    expect(dictGet(end.closed, 'microsoft-jobs')?.outcome).toBe('lapsed');
    expect((dictGet(end.affiliations, 'sam-altman') && dictGet(dictGet(end.affiliations, 'sam-altman')!, 'Microsoft'))).toBeUndefined();
    // Altman's Microsoft role was over once he chose to return; the seats changed only when it was made official.
    expect((dictGet(afterDeal.affiliations, 'sam-altman') && dictGet(dictGet(afterDeal.affiliations, 'sam-altman')!, 'Microsoft'))).toBeUndefined();
    expect(dictGet(afterDeal.board, 'bret-taylor')).toBeUndefined();
    // Before the 29 Nov announcement was recorded, the log still showed the deal as pending.
    expect(holderOf(knownBeforeOfficial, 'CEO')?.person.name).toBe('Emmett Shear');
    expect(dictGet(knownBeforeOfficial.pending, 'altman-return-agreement')?.kind).toBe('agreement-in-principle');
  });

  it('knows the petition as "nearly 500" until the correction to 490 was recorded', async () => {
    const service = await open();
    const { ledger } = service.log;
    const at = '2023-11-20T12:00:00-08:00';
    expect(dictGet(ledger.stateAt('openai', at, '2023-11-20T20:00:00Z')!.petitions, 'staff-letter')?.signatories).toBe(500);
    expect(dictGet(ledger.stateAt('openai', at)!.petitions, 'staff-letter')?.signatories).toBe(490);
    service.close();
  });
});
