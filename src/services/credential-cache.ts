/**
 * Resolved credentials (token or session secret hash → who it is), so an authenticated
 * read does not pay a database round trip for its credential. Entries live at most `ttlMs`
 * and never past the credential's own expiry. Any change that can alter a principal —
 * a token revoked, a user's role, clearance or status, an organisation's standing — clears
 * the cache: at once on the node that made it, and on other nodes when their event stream
 * sees the event (within its poll interval), ADR 0006.
 */
export class CredentialCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  private forgotten = 0;

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, nowMs: number): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: T, nowMs: number, expiresAtMs: number | null): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: Math.min(nowMs + this.ttlMs, expiresAtMs ?? Number.POSITIVE_INFINITY) });
  }

  delete(key: string): void {
    this.entries.delete(key);
    this.forgotten++;
  }

  clear(): void {
    this.entries.clear();
    this.forgotten++;
  }

  /**
   * Counts the times the cache forgot something: whoever holds a value resolved earlier
   * (an open event stream's viewer) resolves it again when this has moved on.
   */
  get generation(): number {
    return this.forgotten;
  }
}

/** Event types after which cached principals may be wrong. */
export const PRINCIPAL_EVENTS = /^(api_token|user|organisation)\./;
