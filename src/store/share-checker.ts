/**
 * What the worker reading a large log loads to check the records of its share as it parses them
 * (see `check-lines.ts`): each record by its index in the share, which the opener turns into lines.
 */
import { checkInto, noShapes } from './check-lines';

export function shareChecker() {
  const shapes = noShapes();
  return { shapes, check: (index: number, record: unknown) => checkInto(shapes, index, record) };
}
