import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/**
 * POSTs a body and answers the response status (the body is read and dropped). No
 * redirects are followed (a 3xx is an answer like any other, ADR 0007). `lookup` decides
 * which addresses the connection may use; with one, the request takes a connection of its
 * own (`agent: false`), never a pooled socket that another lookup opened. `timeoutMs`
 * bounds the whole exchange.
 */
export function postBody(url: string, headers: Record<string, string>, body: string, opts: { timeoutMs: number; lookup?: LookupFunction }): Promise<number> {
  const u = new URL(url);
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      u,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        ...(opts.lookup ? { lookup: opts.lookup, agent: false } : {}),
        signal: AbortSignal.timeout(opts.timeoutMs),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
