import type { FastifyInstance } from 'fastify';

/**
 * Request bodies are taken only in the content types the routes declare: JSON everywhere, the raw
 * upload of attachments, and form fields for the voice webhook (those plugins add their own
 * parsers). Fastify's default `text/plain` parser is removed, since no route takes plain text: a
 * `text/plain` body is what a cross-site HTML form or a "simple" cross-origin fetch sends, and it is
 * now answered 415 (see the error handler's `unsupported_media_type`).
 */
export function installContentTypes(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
}

/** The 415 message for a body whose content type no parser of the route takes. */
export function unsupportedMediaTypeMessage(contentType: string | undefined): string {
  const sent = contentType?.split(';')[0]?.trim();
  return `${sent ? `Content-Type "${sent.slice(0, 100)}" is` : 'A body without a Content-Type is'} not accepted here; send JSON with "Content-Type: application/json".`;
}
