// Makes sure Debian's Chromium is there for the browser tests (never a browser download): installs
// the `chromium` package with apt-get when running as root on a machine that has it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.HOURGLASS_CHROMIUM ?? '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium is not at ${CHROMIUM}; install Debian's chromium package (or set HOURGLASS_CHROMIUM) for the browser tests.`);
    return false;
  }
  console.log('Installing Chromium from Debian (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!install || install.status !== 0 || !existsSync(CHROMIUM)) {
    console.error('Installing Chromium failed; the browser tests will fail.');
    return false;
  }
  return true;
}
