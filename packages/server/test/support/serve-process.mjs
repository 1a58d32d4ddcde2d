// Starts the real service in its own process, from the compiled package, and prints one JSON line
// `{"ready":"http://127.0.0.1:PORT"}` when it listens. Arguments: --database-url URL | --data-dir DIR.
import { startServer } from '../../dist/index.js';

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
  print: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify({ ready: server.url.replace('localhost', '127.0.0.1') })}\n`);
