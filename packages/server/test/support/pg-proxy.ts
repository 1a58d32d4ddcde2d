import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that can lose a connection at a chosen moment, as a network or
 * a crashed host would: `loseAnswerTo(pattern)` lets the next client message matching `pattern` reach
 * the server (which runs and commits it), then cuts the connection before its answer gets back. With
 * `after`, only a message on a connection that has already sent one matching `after` counts (the COMMIT
 * of the transaction that inserted into a given table, say).
 */
export interface PgProxy {
  url: string;
  /** Connections accepted so far. */
  readonly accepted: number;
  loseAnswerTo(pattern: RegExp, after?: RegExp): Promise<void>;
  close(): Promise<void>;
}

export async function startPgProxy(target: string): Promise<PgProxy> {
  const upstream = new URL(target);
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let armed: { pattern: RegExp; after: RegExp | undefined; done: () => void } | null = null;
  const server = net.createServer((client) => {
    accepted += 1;
    const db = net.connect(Number(upstream.port || 5432), upstream.hostname);
    for (const s of [client, db]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    let cutting: (() => void) | null = null;
    let primed = false;
    client.on('data', (chunk) => {
      const text = chunk.toString('latin1');
      if (armed?.after?.test(text)) primed = true;
      if (armed && (primed || armed.after === undefined) && armed.pattern.test(text)) {
        cutting = armed.done;
        armed = null;
      }
      db.write(chunk);
    });
    db.on('data', (chunk) => {
      if (cutting) {
        // The server has answered (so it has committed); the answer is lost with the connection.
        client.destroy();
        db.destroy();
        cutting();
        cutting = null;
        return;
      }
      client.write(chunk);
    });
    client.on('close', () => db.destroy());
    db.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url: url.toString(),
    get accepted() {
      return accepted;
    },
    loseAnswerTo(pattern, after) {
      return new Promise<void>((resolve) => (armed = { pattern, after, done: resolve }));
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
