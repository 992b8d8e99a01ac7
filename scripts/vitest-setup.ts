/** Vitest's global setup: the run's scratch folder (see test-scratch.ts). */
import { useScratchFolder } from './test-scratch';

export default function setup(): () => void {
  return useScratchFolder('unit-tests');
}
