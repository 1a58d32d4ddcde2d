// The service as the API benchmark runs it: its own process, compiled package, demo data, the bare
// insert endpoint mounted, logging off. Prints `{"ready":"http://127.0.0.1:PORT"}` when it listens.
// Arguments: --database-url URL | --data-dir DIR.
import { startServer } from '../../packages/server/dist/index.js';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: option('--database-url'),
  dataDir: option('--data-dir'),
  benchRoutes: true,
  worker: process.env.HOURGLASS_BENCH_WORKER === '1',
  logLevel: 'silent',
  print: () => {},
});
process.stdout.write(`${JSON.stringify({ ready: server.url.replace('localhost', '127.0.0.1') })}\n`);
