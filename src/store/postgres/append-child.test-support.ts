/**
 * A writer in its own process, for the concurrency and crash tests:
 * `node --import tsx append-child.test-support.ts URL PREFIX COUNT` appends COUNT events in
 * batches of 1 to 4 through the service (validated after catching up, as the app does), then
 * prints "done". With COUNT 0 it appends batches of 200 until it is killed.
 */
import { openService } from '../../service/service';

const [url, prefix, countText] = process.argv.slice(2) as [string, string, string];
const count = Number(countText);
const event = (i: number) => ({
  id: `${prefix}-${i}`,
  type: 'statement.made',
  subject: 'acme',
  time: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  data: { certainty: 'confirmed', citation: { document: 'test', quote: 'A quoted sentence.' }, person: { id: prefix, name: prefix }, text: `statement ${i}` },
});

const service = await openService(url, { appVersion: 'test' });
let i = 0;
if (count === 0) {
  for (;;) {
    await service['log:append']({ events: Array.from({ length: 200 }, () => event(i++)) });
    process.stdout.write('batch\n');
  }
}
while (i < count) {
  const size = Math.min(count - i, 1 + (i % 4));
  await service['log:append']({ events: Array.from({ length: size }, () => event(i++)) });
}
await service.close();
process.stdout.write('done\n');
