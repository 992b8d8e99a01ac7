/**
 * The schema an author writes events against (`schemas/event-draft.schema.json`): the record schema
 * asks for what only the log assigns, so every hand-written events file failed it.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from './json-schemas';
import { parseDraft } from './validate';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(jsonSchemas()['event-draft.schema.json'] as object);

/** Each built-in dataset's events as an author wrote them: the log's own fields taken off. */
const drafts = ['data/openai-2023-11.jsonl', 'data/twitter-2021-2023.jsonl'].flatMap((path) =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const { seq: _seq, prevhash: _prevhash, recordedtime: _recordedtime, batchend: _batchend, ...draft } = JSON.parse(line) as Record<string, unknown>;
      return draft;
    }),
);

describe('schemas/event-draft.schema.json', () => {
  it('takes every event of the built-in datasets as an author writes it', () => {
    for (const draft of drafts) expect(validate(draft), `${draft.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  });

  it('takes a draft that leaves out what has a default, as the app does', () => {
    const draft = { id: 'b1', type: 'board.joined', subject: 'acme', time: '2024-01-02T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'A gazette', quote: 'Bob joined.' }, person: { id: 'bob', name: 'Bob' } } };
    expect(() => parseDraft(draft)).not.toThrow();
    expect(validate(draft), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('refuses what the app refuses: an unknown field, a missing citation, a person id that is no slug', () => {
    const draft = drafts.find((d) => d.type === 'board.joined')! as { data: Record<string, unknown> };
    const { citation: _citation, ...uncited } = draft.data;
    for (const bad of [{ ...draft, note: 'x' }, { ...draft, data: uncited }, { ...draft, data: { ...draft.data, person: { id: 'Bob Smith', name: 'Bob' } } }]) {
      expect(validate(bad)).toBe(false);
      expect(() => parseDraft(bad)).toThrow();
    }
  });
});
