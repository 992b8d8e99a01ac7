// `npm start`: build, make sure the Electron binary is there (downloading it once if it can), start.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronBinary } from './electron-binary.js';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });

let { path, reason } = electronBinary();
if (!path) {
  console.log(`Incumbent: ${reason}. Downloading it now (one time)...`);
  const installer = createRequire(import.meta.url).resolve('electron/install.js');
  // The downloader's own output on failure is a stack trace; what failed is said below, plainly.
  spawnSync(process.execPath, [installer], { stdio: 'ignore' });
  ({ path, reason } = electronBinary());
}
if (!path) {
  console.error(`\nIncumbent could not start the desktop app: ${reason}, and it could not be downloaded from here.`);
  console.error('Run the same app in your browser instead:   npm run web');
  console.error('Or download Electron where the network allows it:   npx install-electron\n');
  process.exit(1);
}
const built = run(process.execPath, [createRequire(import.meta.url).resolve('electron-vite/bin/electron-vite.js'), 'build']);
if (built.status !== 0) process.exit(built.status ?? 1);
process.exit(run(path, ['.']).status ?? 0);
