/**
 * Builds the one Custom UI app (static/dist, the manifest's `main` resource). Relative base because
 * Forge serves the resource from a per-app CDN path; one chunk per view so each module loads only its own.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viewSizeReport } from './build/viewSizeReport';
// Resolved from this file, not the working directory: `npm run build:ui` runs from the repo root.
const staticRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: staticRoot,
  base: './',
  plugins: [react(), viewSizeReport(150)],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
  },
});
