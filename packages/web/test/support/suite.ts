import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.js';
import { startWebServer, type WebServer } from './web-server.js';

/** A real server (demo data, clock fixed at `now`) and Chromium for the tests of one `describe`, started once. */
export interface BrowserSuite {
  readonly server: WebServer;
  readonly browser: Browser;
}

/** Starts the server and the browser before the suite's tests and closes both after them. */
export function browserSuite(now: number): BrowserSuite {
  const suite = {} as { server: WebServer; browser: Browser };
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startWebServer(now), launch()]);
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
