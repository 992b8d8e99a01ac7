import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // zod goes into the bundle: loaded from node_modules, its hundred modules took about 0.1 s of
      // each start, before the web host listened (the CLI's bundle holds it for the same reason).
      externalizeDeps: { exclude: ['zod'] },
      // The web host is built with the desktop app's main process, and runs built: starting it from
      // TypeScript source (tsx) took 0.3 s more, on the way to a large log's first state.
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts'), web: resolve(__dirname, 'src/server/main.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file that requires nothing but `electron`.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
