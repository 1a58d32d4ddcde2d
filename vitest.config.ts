import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@hourglass/engine': src('engine'),
      '@hourglass/policy': src('policy'),
      '@hourglass/rules/locales': fileURLToPath(new URL('./packages/rules/src/locales.ts', import.meta.url)),
      '@hourglass/rules': src('rules'),
      '@hourglass/server': src('server'),
      '@hourglass/cli': src('cli'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The web app's unit tests format text in English unless they choose a language.
    setupFiles: ['packages/web/src/i18n/build/vitest-setup.ts'],
  },
});
