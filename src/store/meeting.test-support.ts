/** The worker's side of the meeting test in check-lines.test.ts: `workerTakes` from line 1 up, trial after trial. */
import { workerData } from 'node:worker_threads';
import { workerTakes } from './check-lines';

const { position, control, marks, lines, trials } = workerData as { position: Int32Array; control: Int32Array; marks: Uint8Array; lines: number; trials: number };
let work = 0;
for (let trial = 1; trial <= trials; trial++) {
  Atomics.wait(control, 0, trial - 1);
  for (let line = 1; line <= lines && workerTakes(position, line); line++) {
    marks[line] = marks[line]! + 1;
    for (let k = 0; k < (line * 7919) % 13; k++) work += k;
  }
  Atomics.store(control, 1, trial);
  Atomics.notify(control, 1);
}
if (work < 0) console.log(work);
