/**
 * Hears of status changes made by any process: on PostgreSQL a dedicated connection (not one of the
 * pool) LISTENs on the status channel and reconnects when it is lost, with a growing pause; on the
 * embedded database the notices come in process. `onChange` gets the provider id; `onReconnect` runs
 * after a lost connection is back (notices sent meanwhile were missed, so the caller reads again).
 */
import pg from 'pg';
import type { Kysely } from 'kysely';
import { connectionSourceOf } from '../db/open.js';
import type { Database } from '../db/schema.js';
import { localStatusChanges, STATUS_CHANNEL } from '../db/status-change.js';

export interface StatusListener {
  close(): Promise<void>;
}

export interface ListenCallbacks {
  onChange(providerId: string): void;
  onReconnect(): void;
  onLost?(error: unknown): void;
}

export function listenForStatusChanges(db: Kysely<Database>, callbacks: ListenCallbacks): StatusListener {
  const source = connectionSourceOf(db);
  if (source?.kind !== 'postgres') {
    const handler = (providerId: string) => callbacks.onChange(providerId);
    localStatusChanges.on('change', handler);
    return { close: async () => void localStatusChanges.off('change', handler) };
  }
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let pause = 500;
  let attempts = 0;

  const connect = async () => {
    retry = null;
    if (closed) return;
    const first = attempts++ === 0;
    const next = new pg.Client({ connectionString: source.connectionString, connectionTimeoutMillis: 5_000, keepAlive: true });
    client = next;
    let lost = false;
    const onLost = (error: unknown) => {
      if (lost) return;
      lost = true;
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      if (closed) return;
      callbacks.onLost?.(error);
      retry = setTimeout(() => void connect(), pause);
      retry.unref();
      pause = Math.min(pause * 2, 10_000);
    };
    next.on('error', onLost);
    next.on('end', () => onLost(new Error('the connection ended')));
    next.on('notification', (message) => {
      if (message.channel === STATUS_CHANNEL && message.payload) callbacks.onChange(message.payload);
    });
    try {
      await next.connect();
      await next.query(`listen ${STATUS_CHANNEL}`);
      pause = 500;
      if (!first) callbacks.onReconnect();
    } catch (error) {
      onLost(error);
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
