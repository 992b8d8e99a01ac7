/** Regenerates schemas/*.json from src/core (a test fails when they are stale). */
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/core/json-schemas';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schemas/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${name}`);
}
