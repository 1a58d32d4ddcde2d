import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { messagesPlugin } from './src/i18n/build/vite-plugin.ts';

export default defineConfig({
  // Each locale's catalog is a module of its own, precompiled (see src/i18n/build/vite-plugin.ts).
  plugins: [react(), messagesPlugin({ srcDir: fileURLToPath(new URL('./src', import.meta.url)) })],
  // The rules shared with the service, bundled from their TypeScript sources.
  resolve: {
    alias: {
      '@hourglass/rules/locales': fileURLToPath(new URL('../rules/src/locales.ts', import.meta.url)),
      '@hourglass/rules': fileURLToPath(new URL('../rules/src/index.ts', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
