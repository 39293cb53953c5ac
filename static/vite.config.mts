/**
 * Builds the one Custom UI app (static/dist, the manifest's `main` resource). Relative base because
 * Forge serves the resource from a per-app CDN path; one chunk per view so each module loads only its own.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viewSizeReport } from './build/viewSizeReport.mts';
// Resolved from this file, not the working directory: `npm run build:ui` runs from the repo root.
const staticRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: staticRoot,
  base: './',
  plugins: [react(), viewSizeReport(170)],
  resolve: {
    // Exact specifiers only (`/types`, `/version`... stay real): see build/feature-gates-stub.ts for why
    // the uninitialised stub behaves like the real client inside a Forge iframe.
    alias: [
      {
        find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/,
        replacement: `${staticRoot}build/feature-gates-stub.ts`,
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
  },
});
