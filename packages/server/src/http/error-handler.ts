import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { unsupportedMediaTypeMessage } from './security/content-types.js';
import { isConnectionLoss } from '../db/errors.js';
import { AppError, defaultMessage, type ErrorCode, type ErrorIssue, type LocalizedText, statusOf } from '../errors.js';
import { translator, type Locale } from '../i18n/index.js';
import { issuesIn, messageIn, requestLocale, schemaIssueMessage, type SchemaIssue, valueAt, varyOnLanguage } from './error-language.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[] };
}

/**
 * Installs the one error handler and the not-found handler: every failure becomes `{ error: { code, message, issues? } }`,
 * its messages in the request's language (see `requestLocale`).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError = toAppError(error, request);
    if (appError.code === 'body_too_large' && /\/attachments(\?|$)/.test(request.url)) appError = new AppError('attachment_too_large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') appError = mediaTypeError(request.headers['content-type']);
    if (appError.code === 'internal' || appError.code === 'database_unavailable') {
      request.log.error({ err: error }, 'request failed');
    }
    return sendError(reply, appError);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply, AppError.translated('route_not_found', { id: 'error.routeNotFound.endpoint', values: { method: request.method, path: request.url.split('?')[0] ?? '' } })),
  );
}

/** The 415 answer, naming the content type sent (its English text is the security module's). */
function mediaTypeError(contentType: string | undefined): AppError {
  const sent = contentType?.split(';')[0]?.trim();
  const text: LocalizedText = sent ? { id: 'error.request.contentTypeNotAccepted', values: { type: sent.slice(0, 100) } } : { id: 'error.request.noContentType' };
  return new AppError('unsupported_media_type', unsupportedMediaTypeMessage(contentType), undefined, text);
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
        AppError.translated('validation_failed', { id: 'error.request.badUrl' }, [{ path: 'url', message: englishOf('validation.notPercentEncoded') }]),
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendError(
        reply,
        AppError.translated('validation_failed', { id: 'error.request.paramTooLong' }, [{ path: 'params', message: englishOf('validation.paramTooLong') }]),
      );
    default:
      return sendError(reply, toAppError(error));
  }
}

/** Sends an error answer in `locale` (by default the request's language). */
export function sendError(reply: FastifyReply, error: AppError, locale: Locale = requestLocale(reply.request)): FastifyReply {
  varyOnLanguage(reply);
  const body: ErrorBody = { error: { code: error.code, message: messageIn(error, locale) } };
  if (error.issues && error.issues.length > 0) body.error.issues = issuesIn(error.issues, locale);
  return reply.code(error.status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/**
 * The AppError of any failure. Given the request, a schema failure's issues are written in the
 * request's language (Zod's messages need the value checked and the reader's locale).
 */
export function toAppError(error: FastifyError | Error, request?: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error.name === 'PolicyError') {
    const code = (error as { code?: unknown }).code;
    return new AppError(code === 'unknown_pack' || code === 'unknown_plan' ? code : 'validation_failed', error.message);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    const locale = requestLocale(request);
    const checked = request ? (request as unknown as Record<string, unknown>)[context] : undefined;
    return new AppError('validation_failed', undefined, error.validation.flatMap((issue) => toIssues(context, issue, locale, checked)));
  }
  if (isResponseSerializationError(error as never) && 'cause' in error && (error as { method?: unknown }).method) {
    return new AppError('internal');
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? AppError.translated('malformed_json', { id: 'error.request.emptyJson' }) : new AppError('malformed_json');
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

/** The English text of a catalog entry without arguments (issues are stored in English and translated when sent). */
const englishOf = (id: 'validation.notPercentEncoded' | 'validation.paramTooLong'): string => translator('en').t(id);

function toIssues(context: string, issue: SchemaIssue, locale: Locale, checked: unknown): ErrorIssue[] {
  const base = [context, ...issue.instancePath.split('/').filter((s) => s !== '')].join('.');
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)) {
    return (issue.params.keys as string[]).map((key) => ({
      path: `${base}.${key}`,
      message: translator(locale).t('validation.unknownField', { key }),
    }));
  }
  return [{ path: base, message: schemaIssueMessage(issue, valueAt(checked, issue.instancePath), locale) }];
}

/** PostgreSQL errors caused by the data sent (not by the service): a 4xx with plain words. */
function fromDatabaseError(error: Error): AppError | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code.startsWith('22')) {
    return AppError.translated('validation_failed', { id: 'error.request.unstorableValue' });
  }
  if (code === '23505') return new AppError('conflict');
  if (code === '23503' || code === '23514' || code === '23502') {
    return AppError.translated('validation_failed', { id: 'error.request.unfitValue' });
  }
  if (code === '40001' || code === '40P01') return AppError.translated('conflict', { id: 'error.request.collided' });
  return undefined;
}
