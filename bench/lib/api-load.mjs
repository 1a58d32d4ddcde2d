// One autocannon run against one endpoint, summarised.
import autocannon from 'autocannon';

let runs = 0;

/**
 * POSTs `body` to `path` for `durationSeconds` over `connections` connections. With `keyed`, every
 * request carries an Idempotency-Key of its own, as the web app sends one per user action.
 */
export async function load({ url, path, token, body, connections, durationSeconds, keyed = false }) {
  const run = ++runs;
  let sent = 0;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const result = await autocannon({
    url: `${url}${path}`,
    method: 'POST',
    connections,
    duration: durationSeconds,
    headers,
    body: JSON.stringify(body),
    ...(keyed && {
      requests: [
        {
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': `bench-${process.pid}-${run}-${++sent}` } }),
        },
      ],
    }),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
