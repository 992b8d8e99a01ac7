#!/usr/bin/env node
// The CLI's bundle while it is fresh (see scripts/cli-bundle.js); else its TypeScript sources, through tsx.
import { freshCliBundle } from '../scripts/cli-bundle.js';

const bundle = freshCliBundle();
if (!bundle) (await import('tsx/esm/api')).register();
const { main } = await import(bundle ?? '../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
