// Starts the real service in its own process, from the compiled package, and prints one JSON line
// `{"ready":"http://127.0.0.1:PORT"}` when it listens. The tests and `npm run bench:api` use it.
// Arguments: --database-url URL | --data-dir DIR; --bench-routes (mounts POST /bench/bare, the API
// benchmark's baseline); --no-worker (no timer worker in this process; by default it runs one, as
// `npm start` does); --silent (no log and no start-up lines).
import { startServer } from '../../dist/index.js';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const flag = (name) => args.includes(name);

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: option('--database-url'),
  dataDir: option('--data-dir'),
  ...(flag('--bench-routes') && { benchRoutes: true }),
  ...(flag('--no-worker') && { worker: false }),
  ...(flag('--silent') ? { logLevel: 'silent', print: () => {} } : { print: (line) => process.stderr.write(`${line}\n`) }),
});
process.stdout.write(`${JSON.stringify({ ready: server.url.replace('localhost', '127.0.0.1') })}\n`);
