/**
 * A writer to be killed: appends batches of random sizes to the log named in argv, and reports
 * each batch on standard output only once `append` has acknowledged it.
 * argv: LOG SEED
 */
import { writeSync } from 'node:fs';
import { EventLog } from '../../src/store/event-log';
import { prng } from './campaign';
import { drafts } from './fixtures';

const [path, seedText] = process.argv.slice(2);
const random = prng(Number(seedText));
const log = await EventLog.open(path!);
for (let batch = 0; ; batch++) {
  // Mostly small batches, sometimes a very large one, as an import would be.
  const size = random() < 0.3 ? 5_000 + Math.floor(random() * 15_000) : 1 + Math.floor(random() * 50);
  const prefix = `s${seedText}-b${batch}-n${size}`;
  writeSync(1, `start ${prefix}\n`);
  await log.append(drafts(prefix, 0, size));
  writeSync(1, `ack ${prefix}\n`);
}
