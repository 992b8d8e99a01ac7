/** Says once, plainly, whether the Electron project will run here; gives the run its scratch folder. */
import { useScratchFolder } from '../scripts/test-scratch';
import { electronBinary } from './electron-binary';

export default function globalSetup(): () => void {
  const { reason } = electronBinary();
  if (reason) console.log(`\n[e2e] NOTICE: the electron project is SKIPPED: ${reason}. Run \`npx install-electron\` where the network allows it; the chromium project (web mode) runs the same specs.\n`);
  return useScratchFolder('e2e');
}
