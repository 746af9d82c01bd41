// Builds the three Electron bundles: main (Node), preload (sandboxed, CommonJS) and renderer (browser).
// Main also gets the files it reads at run time, copied beside it into out/main/resources
// (src/main/resource-paths.ts finds them there, and electron-builder.yml ships them).
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** What main reads from disk, source → place under out/main/resources. */
const MAIN_RESOURCES: Array<[string, string]> = [
  ['src/services/users/migrations', 'migrations/users'],
  ['src/services/devices/migrations', 'migrations/devices'],
  ['src/services/monitoring/migrations', 'migrations/monitoring'],
  ['simulator/data/sample.csv', 'data/sample.csv'],
  ['build/tray', 'tray'],
  ['build/icon.png', 'icon.png'],
];

/** Copies MAIN_RESOURCES into <main outDir>/resources once the bundle is written. */
function copyMainResources(): Plugin {
  let outDir = resolve('out/main');
  return {
    name: 'wattdesk-main-resources',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const target = join(outDir, 'resources');
      rmSync(target, { recursive: true, force: true });
      for (const [from, to] of MAIN_RESOURCES) cpSync(resolve(from), join(target, to), { recursive: true });
    },
  };
}

/**
 * Absolute asset URLs in the built UI. electron-vite makes them relative for file://, but the desktop serves
 * the UI on app://wattdesk (src/main/app-protocol.ts) and it routes on paths: a window opened at
 * /devices/<id> would look for ./assets/ under /devices/. The gateway of `npm run serve` serves it at / too.
 */
function absoluteBase(): Plugin {
  return {
    name: 'wattdesk-absolute-base',
    config(config) {
      config.base = '/';
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMainResources()],
    build: {
      rollupOptions: {
        input: { index: resolve('src/main/index.ts') },
        // Native and broker modules stay in node_modules: better-sqlite3 loads its Node-API prebuild.
        external: ['better-sqlite3', 'amqplib', 'ws', 'express', 'pino'],
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react(), absoluteBase()],
  },
});
