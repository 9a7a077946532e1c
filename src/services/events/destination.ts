import type { LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a webhook may not reach unless the operator allows private destinations:
 * loopback, private ranges (RFC 1918, RFC 4193), link-local (incl. cloud metadata at
 * 169.254.169.254), CGNAT, "this network", multicast and reserved space — the usual SSRF
 * targets (OWASP SSRF Prevention Cheat Sheet) — and every IPv6 form that carries an IPv4
 * address, judged by the IPv4 address it carries (ADR 0040).
 */
const BLOCKED_V4 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network" (RFC 791)
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // CGNAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata (RFC 3927)
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments (RFC 6890)
  ['192.0.2.0', 24], // TEST-NET-1 (RFC 5737)
  ['192.168.0.0', 16], // private (RFC 1918)
  ['198.18.0.0', 15], // benchmarking (RFC 2544)
  ['198.51.100.0', 24], // TEST-NET-2 (RFC 5737)
  ['203.0.113.0', 24], // TEST-NET-3 (RFC 5737)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED_V4.addSubnet(net, bits, 'ipv4');
}
const BLOCKED_V6 = new BlockList();
for (const [net, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215): translates into the operator's own network
  ['100::', 64], // discard-only (RFC 6666)
  ['2001:db8::', 32], // documentation (RFC 3849)
  ['fc00::', 7], // unique local (RFC 4193)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated by RFC 3879, still routed by some stacks)
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED_V6.addSubnet(net, bits, 'ipv6');
}

/** The eight 16-bit groups of an IPv6 literal (validated by `isIP` first), or null. */
export function ipv6Groups(address: string): number[] | null {
  let text = address.replace(/%.*$/, '').toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4, ::1.2.3.4) is two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const head = part(halves[0]);
  const tail = halves.length === 2 ? part(halves[1]) : [];
  const groups = halves.length === 2 ? [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

const quadOf = (hi: number, lo: number): string => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/**
 * The IPv4 addresses an IPv6 address carries, by the standard that puts them there: a
 * packet to it may end at that IPv4 host, so it is judged by that host.
 */
export function embeddedIPv4(g: readonly number[]): string[] {
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  // ::a.b.c.d IPv4-compatible (RFC 4291 §2.5.5.1), ::ffff:a.b.c.d IPv4-mapped (§2.5.5.2),
  // ::ffff:0:a.b.c.d IPv4-translated (RFC 6145 / 2765).
  if (zero(0, 6) || (zero(0, 5) && g[5] === 0xffff) || (zero(0, 4) && g[4] === 0xffff && g[5] === 0)) return [quadOf(g[6]!, g[7]!)];
  // 64:ff9b::/96 NAT64 well-known prefix (RFC 6052 §2.1).
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return [quadOf(g[6]!, g[7]!)];
  // 2002::/16 6to4 (RFC 3056 §2): the relay's IPv4 address in bits 16–47.
  if (g[0] === 0x2002) return [quadOf(g[1]!, g[2]!)];
  // 2001::/32 Teredo (RFC 4380 §4): the server in bits 32–63, the client (inverted) in 96–127.
  if (g[0] === 0x2001 && g[1] === 0) return [quadOf(g[2]!, g[3]!), quadOf(~g[6]! & 0xffff, ~g[7]! & 0xffff)];
  return [];
}

/** Whether an IP address literal is a private or otherwise internal destination. */
export function isInternalAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 0) return false;
  if (kind === 4) return BLOCKED_V4.check(address, 'ipv4');
  const groups = ipv6Groups(address);
  // An IPv6 literal we cannot read is not trusted.
  if (!groups) return true;
  if (embeddedIPv4(groups).some((v4) => BLOCKED_V4.check(v4, 'ipv4'))) return true;
  return BLOCKED_V6.check(groups.map((x) => x.toString(16)).join(':'), 'ipv6');
}

/** The host of a webhook URL, without IPv6 brackets. */
const hostOf = (url: string): string => new URL(url).hostname.replace(/^\[|\]$/g, '');

/**
 * Checks a webhook URL's host: every address it resolves to must be public, unless private
 * destinations are allowed. Run when a webhook is registered or changed (a clear 400) and
 * before each delivery (names re-pointed at internal hosts later). A name that does not
 * resolve is `unresolved`, not refused: at registration the receiver may not exist yet.
 * The answer never says what the name resolved to (that would map the operator's network
 * for whoever registers a name): ADR 0040.
 */
export async function checkDestination(url: string, allowPrivate: boolean): Promise<'ok' | 'internal' | 'unresolved'> {
  if (allowPrivate) return 'ok';
  const host = hostOf(url);
  if (isIP(host)) return isInternalAddress(host) ? 'internal' : 'ok';
  const { lookup } = await import('node:dns/promises');
  try {
    const addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    return addresses.some(isInternalAddress) ? 'internal' : 'ok';
  } catch {
    return 'unresolved';
  }
}

/** The reason a delivery is refused, or null: the delivery log's line, without any resolved address. */
export async function destinationProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  const verdict = await checkDestination(url, allowPrivate);
  const host = hostOf(url);
  if (verdict === 'internal') return `destination ${host} is an internal address; set AISC_WEBHOOK_ALLOW_PRIVATE=true to allow it`;
  if (verdict === 'unresolved') return `cannot resolve ${host}`;
  return null;
}

/** Candidate IP literals in a text (dotted quads, and colon groups that may be IPv6). */
const ADDRESS_LIKE = /\[?[0-9a-f]*:[0-9a-f:.]*:[0-9a-f:.%]*\]?|\b\d{1,3}(?:\.\d{1,3}){3}\b/gi;

/** A text with every IP address in it replaced (and a following :port with it). */
export function withoutAddresses(text: string): string {
  return text.replace(new RegExp(`(?:${ADDRESS_LIKE.source})(?::\\d+)?`, 'gi'), (m) => {
    const bare = m.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return isIP(bare) || isIP(m.replace(/^\[|\]$/g, '')) ? '[address]' : m;
  });
}

/** Socket and TLS error codes, in words that say what failed but not where it connected. */
const FAILURE_OF: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'timed out',
  EPIPE: 'connection closed',
  ENOTFOUND: 'cannot resolve the host name',
  EAI_AGAIN: 'cannot resolve the host name (temporary)',
  EAISC_INTERNAL: 'the host name resolves to an internal address; set AISC_WEBHOOK_ALLOW_PRIVATE=true to allow it',
  ABORT_ERR: 'timed out',
};

/**
 * A delivery failure as the delivery log keeps it: node's socket errors name the address
 * they connected to ("connect ECONNREFUSED 10.0.0.5:443"), which would tell the webhook's
 * owner what its host name resolves to inside the operator's network. So known codes are
 * put in words and anything else loses its addresses.
 */
export function deliveryFailure(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timed out';
  if (typeof e?.code === 'string' && FAILURE_OF[e.code]) return FAILURE_OF[e.code]!;
  if (typeof e?.code === 'string' && /^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(e.code)) return `TLS failed (${e.code})`;
  return err instanceof Error ? withoutAddresses(`${err.name}: ${err.message}`) : 'request failed';
}

type Resolve = (host: string, options: { all: true; family: number; hints: number }) => Promise<LookupAddress[]>;

/**
 * A `lookup` for the delivery's connection (node:net's option): it resolves the host and
 * refuses to connect when any answer is internal, so the address checked is the address
 * connected to. This closes the DNS-rebinding window between `destinationProblem` and the
 * connection (ADR 0007): a name that answers public to the check and internal to the
 * connect still never reaches the internal host. IP literals never reach a lookup;
 * `destinationProblem` checks those. The refusal names the host, never the address.
 */
export function guardedLookup(resolve?: Resolve): LookupFunction {
  return (host, options, callback) => {
    // node:dns still accepts the old family names
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    const hints = options.hints ?? 0;
    const resolving = resolve
      ? resolve(host, { family, hints, all: true })
      : import('node:dns/promises').then((dns) => dns.lookup(host, { family, hints, all: true, verbatim: true }));
    resolving.then(
      (addresses) => {
        const internal = addresses.some((a) => isInternalAddress(a.address));
        if (internal) return callback(Object.assign(new Error(`destination ${host} is an internal address`), { code: 'EAISC_INTERNAL' }), []);
        if (addresses.length === 0) return callback(Object.assign(new Error(`cannot resolve ${host}`), { code: 'ENOTFOUND' }), []);
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: Error) => callback(err, []),
    );
  };
}
