/**
 * Before each test file of the web app: English is the language shown and Temporal is ready, as
 * the app makes them before its first render (a test may switch with `useLanguage`).
 */
import { beforeAll, expect } from 'vitest';

beforeAll(async () => {
  if (!/packages[\\/]web[\\/]/.test(expect.getState().testPath ?? '')) return;
  const { useLanguage } = await import('./testing.js');
  await useLanguage('en');
});
