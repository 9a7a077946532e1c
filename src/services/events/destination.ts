import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may not reach unless the operator allows private destinations:
 * loopback, private ranges (RFC 1918, RFC 4193), link-local (incl. cloud metadata at
 * 169.254.169.254), CGNAT, "this network", multicast and reserved space — the usual SSRF
 * targets (OWASP SSRF Prevention Cheat Sheet).
 */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv6');
}

/** Whether an IP address literal is a private or otherwise internal destination. */
export function isInternalAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 0) return false;
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) is checked as the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
  return BLOCKED.check(address, kind === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Checks a webhook URL's host before a delivery: every address it resolves to must be
 * public, unless private destinations are allowed. Resolving at delivery time (not only at
 * registration) catches DNS names that are re-pointed at internal hosts later.
 * Returns an error message, or null when the destination is acceptable.
 */
export async function destinationProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const { lookup } = await import('node:dns/promises');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return `cannot resolve ${host}`;
  }
  const internal = addresses.find(isInternalAddress);
  return internal ? `destination ${host} (${internal}) is an internal address; set AISC_WEBHOOK_ALLOW_PRIVATE=true to allow it` : null;
}

type LookupAddress = { address: string; family: number };
type Resolve = (host: string, options: { all: true; family?: number; hints?: number }) => Promise<LookupAddress[]>;
type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for the delivery's connection (node:net's option): it resolves the host and
 * refuses to connect when any answer is internal, so the address checked is the address
 * connected to. This closes the DNS-rebinding window between `destinationProblem` and the
 * connection (ADR 0007): a name that answers public to the check and internal to the
 * connect still never reaches the internal host. IP literals never reach a lookup;
 * `destinationProblem` checks those.
 */
export function guardedLookup(resolve?: Resolve) {
  return (host: string, options: { all?: boolean; family?: number; hints?: number }, callback: LookupCallback): void => {
    const resolving = resolve ? resolve(host, { ...options, all: true }) : import('node:dns/promises').then((dns) => dns.lookup(host, { family: options.family ?? 0, hints: options.hints ?? 0, all: true, verbatim: true }));
    resolving.then(
      (addresses) => {
        const internal = addresses.find((a) => isInternalAddress(a.address));
        if (internal) return callback(Object.assign(new Error(`destination ${host} resolved to the internal address ${internal.address}`), { code: 'EAISC_INTERNAL' }), []);
        if (addresses.length === 0) return callback(Object.assign(new Error(`cannot resolve ${host}`), { code: 'ENOTFOUND' }), []);
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: Error) => callback(err, []),
    );
  };
}
