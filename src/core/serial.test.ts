import { expect, it } from 'vitest';
import { Serial } from './serial';

it('runs operations one at a time, in order, and a failure does not stop the next', async () => {
  const serial = new Serial();
  const log: string[] = [];
  const step = (name: string, ms: number, fail = false) => () =>
    new Promise<string>((resolve, reject) => {
      log.push(`start ${name}`);
      setTimeout(() => (log.push(`end ${name}`), fail ? reject(new Error(name)) : resolve(name)), ms);
    });
  const results = [serial.run(step('a', 20)), serial.run(step('b', 1, true)), serial.run(step('c', 5))];
  await expect(results[1]).rejects.toThrow('b');
  expect(await Promise.all([results[0], results[2]])).toEqual(['a', 'c']);
  await serial.settled;
  expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
});
