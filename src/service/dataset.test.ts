/** The built-in OpenAI dataset: valid, reproducible, and telling the story the seed articles tell. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dictGet, dictKeys } from '../core/dict';
import { describe, expect, it } from 'vitest';
import { buildOpenAiDataset } from '../../scripts/build-openai-dataset';
import { jsonSchemas } from '../core/json-schemas';
import { parseRecord } from '../core/validate';
import { openService } from './service';

const DATASET = fileURLToPath(new URL('../../data/openai-2023-11.jsonl', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const lines = readFileSync(DATASET, 'utf8').trimEnd().split('\n');
const open = () => openService(DATASET, { appVersion: 'test', readOnly: true });
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

describe('data/openai-2023-11.jsonl', () => {
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
      const { data } = JSON.parse(line);
      const citations = [data.citation, data.data?.citation].filter(Boolean);
      for (const citation of citations) {
        if (!citation.document.startsWith('seeds/')) continue;
        const article = readFileSync(join(SEEDS, citation.document.slice('seeds/'.length)), 'utf8');
        expect(article, citation.quote).toContain(citation.quote);
      }
    }
  });

  it('is exactly what scripts/build-openai-dataset.ts produces', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incumbent-dataset-')), 'openai.jsonl');
    await buildOpenAiDataset(path);
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(DATASET, 'utf8'));
  });

  it.each([
    ['2023-11-16T12:00:00-08:00', 'Sam Altman', false],
    ['2023-11-18T12:00:00-08:00', 'Mira Murati', true],
    ['2023-11-20T23:00:00-08:00', 'Emmett Shear', true],
    ['2023-11-22T12:00:00-08:00', 'Emmett Shear', true],
  ])('at %s the CEO is %s (interim: %s)', async (at, name, interim) => {
    const service = await open();
    const state = service.log.ledger.stateAt('openai', at)!;
    service.close();
    expect(dictGet(state.roles, 'CEO')).toMatchObject({ person: { name }, interim });
  });

  it('shows the board before and after the firing, and the agreement in principle as pending', async () => {
    const service = await open();
    const { ledger } = service.log;
    const before = ledger.stateAt('openai', '2023-11-16T12:00:00-08:00')!;
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

  it('knows the petition as "nearly 500" until the correction to 490 was recorded', async () => {
    const service = await open();
    const { ledger } = service.log;
    const at = '2023-11-20T12:00:00-08:00';
    expect(dictGet(ledger.stateAt('openai', at, '2023-11-20T20:00:00Z')!.petitions, 'staff-letter')?.signatories).toBe(500);
    expect(dictGet(ledger.stateAt('openai', at)!.petitions, 'staff-letter')?.signatories).toBe(490);
    service.close();
  });
});
