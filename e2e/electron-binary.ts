/** Re-exported for the specs: where the Electron binary is, or why it is not there. */
export { electronBinary } from '../scripts/electron-binary.js';
