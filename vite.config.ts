// The web app (src/web): React, built by Vite into dist/web and served under /app/ by the HTTP
// server (src/http/pages/app-routes.ts). `npm start` and `npm test` rebuild it when its sources
// change (scripts/web-build.mjs); `npm run build:web` does it by hand.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Hashed file names under assets/: served with immutable cache headers.
    assetsDir: 'assets',
    sourcemap: true,
    // The strict CSP forbids inline scripts: never inline the module preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
