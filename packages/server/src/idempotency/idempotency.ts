import { createHash } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { isConnectionLoss, isUniqueViolation } from '../db/errors.js';
import { canonicalJson } from '../canonical-json.js';
import { AppError } from '../errors.js';

/** How long a stored response answers retries with the same key. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface IdempotentRequest {
  /** Who is asking (`user:<id>` or `token:<id>`): keys are scoped to one caller. */
  principal: string;
  /** The `Idempotency-Key` header, or undefined when the caller sent none. */
  key: string | undefined;
  method: string;
  path: string;
  body: unknown;
}

export interface CreatedResponse<T> {
  status: number;
  body: T;
  /** What a replay answers, when it must differ from `body` (a secret shown once is left out). */
  replayBody?: T;
}

/**
 * The record of a keyed request's response: the `idempotency_keys` row a create that takes it writes
 * with its own writes (in the same statement or transaction), so the record commits with what it
 * created, or not at all. A create calls it once, with its response.
 */
export type RecordResponse<T> = (response: CreatedResponse<T>) => Insertable<Database['idempotency_keys']>;

export interface IdempotentOptions {
  /**
   * The create reads and then writes everything with one statement, which is atomic on its own:
   * without a key it runs without an explicit transaction (two round trips fewer). With a key it
   * still runs in a transaction, together with the stored response.
   */
  singleWrite?: boolean;
  /**
   * The create writes through group commit (one statement shared with the creates that arrive with it)
   * and records the response itself: it is given a {@link RecordResponse} and writes the row it answers
   * within that shared write. Runs without a transaction of its own, with a key or without, and without
   * looking the key up first: a key already recorded makes the write fail on the key's unique index
   * (nothing of it is written), and only then is the stored answer read and replayed.
   */
  recordsItself?: boolean;
}

export interface IdempotentResult<T> extends CreatedResponse<T> {
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs `create` in a transaction (or, with `recordsItself`, in the group-committed write it shares with
 * other creates). With a key, the response is stored in that same transaction, so a retry with the same
 * key and body gets the stored response and nothing is created twice; the same key with another body or
 * endpoint is refused with `idempotency_key_reused` (422). A create that fails stores nothing, so the
 * caller may retry it.
 */
export async function runIdempotent<T>(
  db: Kysely<Database>,
  clock: Clock,
  request: IdempotentRequest,
  create: (trx: Kysely<Database>, record?: RecordResponse<T>) => Promise<CreatedResponse<T>>,
  options: IdempotentOptions = {},
): Promise<IdempotentResult<T>> {
  const { key } = request;
  if (key === undefined) {
    const { status, body } = options.singleWrite || options.recordsItself ? await create(db) : await db.transaction().execute((trx) => create(trx));
    return { status, body, replayed: false };
  }
  const requestHash = hashRequest(request);
  const row = (response: CreatedResponse<T>): Insertable<Database['idempotency_keys']> => ({
    principal: request.principal,
    key,
    method: request.method,
    path: request.path,
    request_hash: requestHash,
    response_status: response.status,
    response_body: JSON.stringify(response.replayBody ?? response.body),
    created_at: new Date(clock.now()),
  });
  // A key found expired on a conflict is deleted, and the request is then carried out once more.
  for (let attempt = 1; ; attempt++) {
    try {
      if (options.recordsItself) {
        // The record is written by the create's own (group-committed) write. A retry, or a second first
        // request with the same key, is refused by the key's unique index, which writes nothing of its
        // create, and it is answered with the stored response below.
        let recorded = false;
        const response = await create(db, (created) => {
          recorded = true;
          return row(created);
        });
        if (!recorded) throw new Error(`${request.method} ${request.path} did not record its Idempotency-Key with what it created`);
        return { status: response.status, body: response.body, replayed: false };
      }
      return await db.transaction().execute(async (trx) => {
        const earlier = await findStored<T>(trx, request.principal, key, clock.now());
        if (earlier) return replay(earlier, requestHash);
        const response = await create(trx);
        await trx.insertInto('idempotency_keys').values(row(response)).execute();
        return { status: response.status, body: response.body, replayed: false };
      });
    } catch (error) {
      // The connection was lost before the answer to COMMIT arrived: the ticket and its key were stored
      // together or not at all, so the same request with the same key either replays or creates it once.
      if (isConnectionLoss(error)) throw outcomeUnknown();
      if (!isKeyConflict(error)) throw error;
      const earlier = await findStored<T>(db, request.principal, key, clock.now());
      if (earlier) return replay(earlier, requestHash);
      if (attempt >= 2) throw error;
    }
  }
}

/** Reads and checks the `Idempotency-Key` header. */
export function idempotencyKeyFrom(headers: Record<string, string | string[] | undefined>): string | undefined {
  const raw = headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^[\x21-\x7e]{1,255}$/.test(value)) throw new AppError('invalid_idempotency_key');
  return value;
}

interface StoredRow<T> {
  request_hash: string;
  response_status: number;
  response_body: T;
}

async function findStored<T>(db: Kysely<Database>, principal: string, key: string, now: number): Promise<StoredRow<T> | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['id', 'request_hash', 'response_status', 'response_body', 'created_at'])
    .where('principal', '=', principal)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.created_at.getTime() < now - IDEMPOTENCY_RETENTION_MS) {
    await db.deleteFrom('idempotency_keys').where('id', '=', row.id).execute();
    return undefined;
  }
  return row as StoredRow<T>;
}

function replay<T>(row: StoredRow<T>, requestHash: string): IdempotentResult<T> {
  if (row.request_hash !== requestHash) {
    throw new AppError(
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request (another body or endpoint); send a new key for a new request, or repeat the original request exactly.',
    );
  }
  return { status: row.response_status, body: row.response_body, replayed: true };
}

function hashRequest(request: IdempotentRequest): string {
  return createHash('sha256')
    .update(`${request.method.toUpperCase()} ${request.path}\n${canonicalJson(request.body)}`)
    .digest('hex');
}


function outcomeUnknown(): AppError {
  return new AppError(
    'database_unavailable',
    'The connection to the database was lost while this request was being saved, so it is not known whether it took effect. Send the same request again with the same Idempotency-Key: it is then either answered with what was saved or carried out once.',
  );
}

function isKeyConflict(error: unknown): boolean {
  return isUniqueViolation(error, 'idempotency_keys');
}
