export * from './idempotency.js';
export { respondIdempotently } from './http.js';
