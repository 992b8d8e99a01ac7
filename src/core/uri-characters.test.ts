/**
 * Every text an author writes is held to one line of well-formed, visible characters, but the two
 * URIs were not: a citation's url took a right-to-left override ("https://evil.example/\u202emoc.elgoog",
 * which a reader of the log or of a snapshot sees as ending "google.com") and half a surrogate pair,
 * and an event's source took half a surrogate pair, or spaces alone. Found appending them with the CLI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli as run } from '../cli/run-cli.test-support';

const event = (source: string, url: string) =>
  JSON.stringify({ id: 'e1', source, type: 'board.joined', subject: 'acme', time: '2024-01-05T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'A gazette', quote: 'Bob joins.', url }, person: { id: 'bob', name: 'Bob' } } });

it.each([
  ['a url with a right-to-left override', event('urn:desk', 'https://evil.example/\u202emoc.elgoog'), 'event 1.data.citation.url: must not contain control or bidi-override characters'],
  ['a url with a line separator', event('urn:desk', 'https://a.example/one\u2028two'), 'event 1.data.citation.url: must not contain control or bidi-override characters'],
  ['a url with half a surrogate pair', event('urn:desk', 'https://a.example/\ud800'), 'event 1.data.citation.url: must be well-formed Unicode'],
  ['a source with half a surrogate pair', event('urn:desk\udc00', 'https://a.example/'), 'event 1.source: must be well-formed Unicode'],
  ['a source of spaces only', event('  ', 'https://a.example/'), 'event 1.source: must be a URI reference, with no spaces'],
  ['a source with a space', event('urn:my desk', 'https://a.example/'), 'event 1.source: must be a URI reference, with no spaces'],
])('%s is refused, naming the field, and nothing is written', async (_what, line, message) => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-uri-'));
  const log = join(dir, 'acme.jsonl');
  expect((await run(['init', '--log', log, '--title', 'Acme', '--company', 'acme'])).code).toBe(0);
  const before = readFileSync(log, 'utf8');
  writeFileSync(join(dir, 'events.jsonl'), `${line}\n`);
  const { code, err } = await run(['append', '--log', log, join(dir, 'events.jsonl')]);
  expect(err).toContain(message);
  expect(code).toBe(1);
  expect(readFileSync(log, 'utf8')).toBe(before);
});

it('a url in another script is still taken', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-uri-'));
  const log = join(dir, 'acme.jsonl');
  await run(['init', '--log', log, '--title', 'Acme', '--company', 'acme']);
  writeFileSync(join(dir, 'events.jsonl'), `${event('urn:desk', 'https://de.wikipedia.org/wiki/Müller_(Familienname)')}\n`);
  expect((await run(['append', '--log', log, join(dir, 'events.jsonl')])).code).toBe(0);
});
