import http from 'node:http';
import https from 'node:https';
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import type { FetchLike } from './webhook-delivery.js';
import { addressRefusal, hostOf, isAllowedAddress, isAllowedHost, systemResolve, WebhookDestinationRefused, type WebhookGuard } from './webhook-destination.js';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `fetch` for webhook deliveries that only connects to public addresses (or those of the allow-list).
 * The host name is resolved once, at connect time; every address is checked, and the connection goes to
 * a checked address, so a name that resolved to a public address when the URL was saved and to an
 * internal one now (DNS rebinding) is refused. request-filtering-agent checks the same addresses again
 * as the socket connects. Redirects are never followed. A refusal rejects with `WebhookDestinationRefused`.
 */
export function guardedFetch(guard: WebhookGuard): FetchLike {
  const resolve = guard.resolve ?? systemResolve;
  return (urlText, init) =>
    new Promise<Response>((done, fail) => {
      const url = new URL(urlText);
      const host = hostOf(url);
      const trustedHost = isAllowedHost(guard.allow, host);
      // Internal addresses the allow-list admits, filled as they are resolved: the agent lets exactly these through.
      const admitted: string[] = [];
      if (!trustedHost && isIP(host) !== 0) {
        const refusal = addressRefusal(guard.allow, host, host);
        if (refusal) return fail(new WebhookDestinationRefused(refusal));
        if (isAllowedAddress(guard.allow, host)) admitted.push(host);
      }
      const lookup = (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => {
        resolve(hostname).then(
          (found) => {
            const family = options.family === 4 || options.family === 6 ? options.family : 0;
            const addresses = family === 0 ? found : found.filter((a) => a.family === family);
            if (addresses.length === 0) {
              const error: NodeJS.ErrnoException = new Error(`${hostname} has no address${family ? ` of IPv${family}` : ''}.`);
              error.code = 'ENOTFOUND';
              return callback(error, []);
            }
            if (!trustedHost) {
              for (const { address } of addresses) {
                const refusal = addressRefusal(guard.allow, hostname, address);
                if (refusal) return callback(new WebhookDestinationRefused(refusal), []);
                if (isAllowedAddress(guard.allow, address)) admitted.push(address);
              }
            }
            if ((options as LookupAllOptions).all) return callback(null, addresses.map((a) => ({ address: a.address, family: a.family })));
            return callback(null, addresses[0]!.address, addresses[0]!.family);
          },
          (error: NodeJS.ErrnoException) => callback(error, []),
        );
      };
      const filter = trustedHost ? { allowPrivateIPAddress: true } : { allowIPAddressList: admitted };
      const secure = url.protocol === 'https:';
      const agent = secure ? new RequestFilteringHttpsAgent(filter) : new RequestFilteringHttpAgent(filter);
      const request = (secure ? https : http).request(
        url,
        {
          method: init.method ?? 'POST',
          headers: init.headers as Record<string, string>,
          agent,
          lookup: lookup as never,
          ...(init.signal ? { signal: init.signal } : {}),
        },
        (response) => {
          const status = response.statusCode ?? 0;
          if (status < 200 || status > 599) {
            response.destroy();
            return fail(new Error(`The endpoint answered with HTTP status ${status}, which is not a final answer.`));
          }
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const empty = status === 204 || status === 205 || status === 304;
          if (empty) response.resume();
          done(new Response(empty ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>), { status, headers }));
        },
      );
      request.once('error', fail);
      request.end(typeof init.body === 'string' ? init.body : undefined);
    });
}
