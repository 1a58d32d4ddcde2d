/**
 * Every error the service reports, as a code with its HTTP status and a default plain-words message.
 * Feature code throws `AppError(code, message?)`; the HTTP layer turns it into `{ error: { code, message, issues? } }`.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'malformed_json'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'not_found'
  | 'route_not_found'
  | 'conflict'
  | 'email_taken'
  | 'idempotency_key_reused'
  | 'invalid_idempotency_key'
  | 'unknown_pack'
  | 'unknown_plan'
  | 'unknown_status'
  | 'same_status'
  | 'ticket_closed'
  | 'illegal_transition'
  | 'actor_not_allowed'
  | 'unknown_priority'
  | 'priority_restricted'
  | 'reclassify_not_allowed'
  | 'reclassify_reason_required'
  | 'same_priority'
  | 'intake_invalid'
  | 'unknown_intake_form'
  | 'attachment_too_large'
  | 'too_many_attempts'
  | 'cross_site_request'
  | 'database_unavailable'
  | 'internal';

export interface ErrorIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = defaultMessage(code),
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.status = statusOf(code);
  }
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'malformed_json':
    case 'invalid_idempotency_key':
    case 'unknown_pack':
    case 'unknown_plan':
    case 'unknown_status':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'forbidden':
    case 'actor_not_allowed':
    case 'reclassify_not_allowed':
      return 403;
    case 'not_found':
    case 'route_not_found':
      return 404;
    case 'conflict':
    case 'email_taken':
    case 'same_status':
    case 'ticket_closed':
    case 'illegal_transition':
    case 'same_priority':
      return 409;
    case 'body_too_large':
    case 'attachment_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'idempotency_key_reused':
    case 'unknown_priority':
    case 'priority_restricted':
    case 'reclassify_reason_required':
    case 'intake_invalid':
    case 'unknown_intake_form':
      return 422;
    case 'too_many_attempts':
      return 429;
    case 'cross_site_request':
      return 403;
    case 'database_unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}

export function defaultMessage(code: ErrorCode): string {
  switch (code) {
    case 'validation_failed':
      return 'The request is not valid; see issues for each field to fix.';
    case 'malformed_json':
      return 'The request body is not valid JSON; check quotes, commas and brackets.';
    case 'body_too_large':
      return 'The request body is too large; JSON bodies are limited to 1 MiB.';
    case 'unsupported_media_type':
      return 'This content type is not accepted; send JSON with Content-Type: application/json.';
    case 'unauthenticated':
      return 'Sign in first: send a session cookie (POST /api/v1/session) or an "Authorization: Bearer <token>" header.';
    case 'invalid_credentials':
      return 'The email or password is wrong.';
    case 'forbidden':
      return 'Your role does not allow this action.';
    case 'not_found':
      return 'Nothing was found with that id.';
    case 'route_not_found':
      return 'There is no such endpoint; see /openapi.json for the list of endpoints.';
    case 'conflict':
      return 'The request conflicts with the current state of the resource.';
    case 'email_taken':
      return 'A user with this email already exists; use another email or update the existing user.';
    case 'idempotency_key_reused':
      return 'This Idempotency-Key was already used with a different request; use a new key for a new request.';
    case 'invalid_idempotency_key':
      return 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.';
    case 'unknown_pack':
      return 'There is no policy pack with this id.';
    case 'unknown_plan':
      return 'The policy pack has no plan with this id.';
    case 'unknown_status':
      return 'This is not a ticket status; use one of new, open, pending, on_hold, solved, closed.';
    case 'same_status':
      return 'The ticket already has this status.';
    case 'ticket_closed':
      return 'The ticket is closed and cannot change any more; open a follow-up ticket instead.';
    case 'illegal_transition':
      return 'This status change is not allowed from the current status.';
    case 'actor_not_allowed':
      return 'Your role may not make this status change.';
    case 'unknown_priority':
      return 'This is not a priority of the support plan.';
    case 'priority_restricted':
      return 'This priority is not available for this ticket.';
    case 'reclassify_not_allowed':
      return 'Only an agent can change the priority of an existing ticket.';
    case 'reclassify_reason_required':
      return 'Say why the priority changes; the reason is kept in the history.';
    case 'same_priority':
      return 'The ticket already has this priority.';
    case 'intake_invalid':
      return 'The intake details are not usable yet; see issues for each field to fix.';
    case 'unknown_intake_form':
      return 'The policy pack has no intake form with this id.';
    case 'attachment_too_large':
      return 'The attachment is too large; attachments are limited to 10 MiB.';
    case 'too_many_attempts':
      return 'Too many attempts; wait for the time in the Retry-After header, then try again.';
    case 'cross_site_request':
      return 'This request came from another site, so it was refused; use the desk\'s own pages, or send an API token ("Authorization: Bearer <token>") instead of the session cookie.';
    case 'database_unavailable':
      return 'The database cannot be reached right now; try again shortly.';
    case 'internal':
      return 'Something went wrong on our side; the error has been logged.';
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `No ${what} was found with that id.`);
export const forbidden = (message?: string): AppError => new AppError('forbidden', message);
