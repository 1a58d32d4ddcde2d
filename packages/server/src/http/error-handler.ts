import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { unsupportedMediaTypeMessage } from './security/content-types.js';
import { isConnectionLoss } from '../db/errors.js';
import { AppError, defaultMessage, type ErrorCode, type ErrorIssue, statusOf } from '../errors.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[] };
}

/** Installs the one error handler and the not-found handler: every failure becomes `{ error: { code, message, issues? } }`. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError = toAppError(error);
    if (appError.code === 'body_too_large' && /\/attachments(\?|$)/.test(request.url)) appError = new AppError('attachment_too_large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') appError = new AppError('unsupported_media_type', unsupportedMediaTypeMessage(request.headers['content-type']));
    if (appError.code === 'internal' || appError.code === 'database_unavailable') {
      request.log.error({ err: error }, 'request failed');
    }
    return sendError(reply, appError);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply, new AppError('route_not_found', `There is no endpoint ${request.method} ${request.url.split('?')[0]}; see /openapi.json for the list of endpoints.`)),
  );
}

/**
 * Errors the router raises before any route or hook runs (Fastify's `frameworkErrors` option): an
 * address with broken percent-encoding, or a path segment longer than the router accepts. Without
 * this they bypass the error handler and answer in Fastify's own shape.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return sendError(
        reply,
        new AppError('validation_failed', 'The address is not valid: it has a broken percent-encoding (such as %ED%A0%80 or a lone %); encode each part of the path as UTF-8.', [
          { path: 'url', message: 'Not a valid percent-encoded UTF-8 path.' },
        ]),
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendError(
        reply,
        new AppError('validation_failed', 'A part of the address is too long (more than 100 characters); ids are UUIDs, see /openapi.json for each path.', [
          { path: 'params', message: 'Too long for a path parameter.' },
        ]),
      );
    default:
      return sendError(reply, toAppError(error));
  }
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.issues && error.issues.length > 0) body.error.issues = error.issues;
  return reply.code(error.status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (error.name === 'PolicyError') {
    const code = (error as { code?: unknown }).code;
    return new AppError(code === 'unknown_pack' || code === 'unknown_plan' ? code : 'validation_failed', error.message);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    return new AppError('validation_failed', undefined, error.validation.flatMap((issue) => toIssues(context, issue)));
  }
  if (isResponseSerializationError(error as never) && 'cause' in error && (error as { method?: unknown }).method) {
    return new AppError('internal');
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'The request body is empty but Content-Type says JSON; send a JSON object or drop the header.'
        : defaultMessage('malformed_json'));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('body_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type');
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) return new AppError('malformed_json');
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return fromStatus(status, fastifyError.message);
  if (isConnectionLoss(error)) return new AppError('database_unavailable');
  const databaseError = fromDatabaseError(error);
  if (databaseError) return databaseError;
  return new AppError('internal');
}

function fromStatus(status: number, message: string): AppError {
  const code: ErrorCode =
    status === 401 ? 'unauthenticated'
    : status === 403 ? 'forbidden'
    : status === 404 ? 'not_found'
    : status === 409 ? 'conflict'
    : status === 413 ? 'body_too_large'
    : status === 415 ? 'unsupported_media_type'
    : 'validation_failed';
  const error = new AppError(code, statusOf(code) === status ? message : defaultMessage(code));
  return error;
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

function toIssues(context: string, issue: ValidationIssue): ErrorIssue[] {
  const base = [context, ...issue.instancePath.split('/').filter((s) => s !== '')].join('.');
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)) {
    return (issue.params.keys as string[]).map((key) => ({
      path: `${base}.${key}`,
      message: `Unknown field "${key}"; remove it or check its spelling.`,
    }));
  }
  return [{ path: base, message: issue.message ?? 'Invalid value.' }];
}

/** PostgreSQL errors caused by the data sent (not by the service): a 4xx with plain words. */
function fromDatabaseError(error: Error): AppError | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code.startsWith('22')) {
    return new AppError(
      'validation_failed',
      'A value in the request cannot be stored: it contains a character that is not allowed (such as a NUL byte or a broken Unicode surrogate) or is out of range; remove it and try again.',
    );
  }
  if (code === '23505') return new AppError('conflict');
  if (code === '23503' || code === '23514' || code === '23502') {
    return new AppError('validation_failed', 'A value in the request does not fit the stored data (an unknown id or a value out of range); check the ids and values you sent.');
  }
  if (code === '40001' || code === '40P01') return new AppError('conflict', 'The request collided with another change to the same data; try it again.');
  return undefined;
}
