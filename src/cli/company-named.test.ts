/**
 * A `--company` the log does not have is refused with the companies it does have, so the reader
 * knows what to type next: "opnai" beside "openai" said only that there was no such company.
 * Each command names the option, as every other CLI error does.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-support';

describe('--company that the log does not have', () => {
  it.each([
    ['events', ['events', '--company', 'opnai']],
    ['snapshot', ['snapshot', '--at', '2023-11-18T12:00:00-08:00', '--company', 'opnai']],
    ['diff', ['diff', '--from', '2023-11-17T00:00:00-08:00', '--to', '2023-11-20T00:00:00-08:00', '--company', 'opnai']],
  ])('%s names the option and the companies the log has', async (name, argv) => {
    const { code, err } = await runCli(argv);
    expect(code).toBe(1);
    // The option as typed: "company:" (the service's field) for snapshot and diff beside "--company:" for events.
    expect(err).toBe(`incumbent ${name}: --company: no company "opnai" in this log (its companies: openai)\n`);
  });
});
