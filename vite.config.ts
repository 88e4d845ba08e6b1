/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// monaco-editor is pinned to 0.54.0, the version monaco-yaml 5.5.1 is built against (see docs/architecture.md).
export default defineConfig({
  plugins: [react()],
  base: './',
  optimizeDeps: {
    include: [
      // Dev server only: CommonJS path-browserify is reached only from the YAML worker.
      'path-browserify', 'monaco-worker-manager/worker',
      // Reached only from the lazily loaded editor and from the workers: listed so the dev server pre-bundles them at
      // start instead of discovering them later and reloading the page.
      'monaco-editor/esm/vs/editor/editor.api.js', 'monaco-editor/esm/vs/editor/edcore.main.js',
      'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js', 'monaco-yaml',
      'comlink', 'elkjs/lib/elk.bundled.js', 'yaml',
    ],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // Property tests and whole-gallery checks do real work; 5 s (vitest's default) is too tight on a shared 2-core
    // machine. This is a hang guard, not a performance assertion (performance lives in bench/).
    testTimeout: 60_000,
  },
})
