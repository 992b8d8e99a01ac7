import { EventLog } from '../src/store/event-log';
const path = process.argv[2]!;
const s = performance.now();
const log = await EventLog.open(path, { readOnly: true });
console.log('open', (performance.now() - s).toFixed(0), 'heap', (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0));
log.close();
