#!/usr/bin/env node
// The CLI's bundle while it is fresh (see scripts/cli-bundle.js); else its TypeScript sources, through tsx.

// Output piped to a reader that stops early (`incumbent events | head`): the rest is not wanted, and that is no error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});
// Its messages with no reader (standard error closed): the command still ends as it would have.
// An append that committed and then exited 1 for an unread "appended #41" would be retried, twice over.
process.stderr.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

const bundle = (await import('../scripts/cli-bundle.js')).freshCliBundle();
if (!bundle) (await import('tsx/esm/api')).register();
const { main } = await import(bundle ?? '../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
