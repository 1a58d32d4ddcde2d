import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../auth/actor.js';
import { MAX_ATTACHMENT_BYTES } from '../db/schema.js';
import { IdParams } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { respondIdempotently } from '../idempotency/http.js';
import { addAttachment, cleanContentType, listAttachments, readAttachment } from './attachments.js';
import { AttachmentParams, AttachmentQuery, AttachmentSchema } from './schemas.js';

const tags = ['tickets'];

/**
 * Attachments are uploaded as the raw request body (any content type, up to 10 MiB) with the file
 * name in the query: `POST /tickets/{id}/attachments?filename=trace.har`.
 */
export const attachmentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));

    app.post(
      '/tickets/:id/attachments',
      {
        bodyLimit: MAX_ATTACHMENT_BYTES,
        schema: {
          tags,
          summary: 'Attach a file (raw body, up to 10 MiB; file name in the query)',
          params: IdParams,
          querystring: AttachmentQuery,
          response: { 201: AttachmentSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({
          status: 201,
          body: await addAttachment(deps, trx, actor, request.params.id, {
            filename: request.query.filename,
            contentType: cleanContentType(request.headers['content-type']),
            bytes,
            commentId: request.query.comment_id,
          }),
        }));
      },
    );

    app.get(
      '/tickets/:id/attachments',
      { schema: { tags, summary: "The ticket's attachments", params: IdParams, response: { 200: z.object({ items: z.array(AttachmentSchema) }) } } },
      async (request) => ({ items: await listAttachments(deps.db, requireActor(request), request.params.id) }),
    );

    app.get(
      '/tickets/:id/attachments/:attachmentId',
      { schema: { tags, summary: 'Download an attachment', params: AttachmentParams } },
      async (request, reply) => {
        const file = await readAttachment(deps.db, requireActor(request), request.params.id, request.params.attachmentId);
        return reply
          .type(file.content_type)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .send(Buffer.from(file.bytes));
      },
    );
  };
