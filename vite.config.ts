/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// monaco-editor is pinned to 0.54.0, the version monaco-yaml 5.5.1 is built against (see docs/architecture.md).
export default defineConfig({
  plugins: [react()],
  base: './',
  // Dev server only: CommonJS path-browserify is reached only from the YAML worker.
  optimizeDeps: { include: ['path-browserify', 'monaco-worker-manager/worker'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
  },
})
