import type { Marking } from '../../../src/domain/policy/marking';
import type { StoredEvent } from '../../../src/store/outbox';

/** Which of a record's events gives its audience: the one that created it, or its latest (a case's grows as vendors join). */
type Which = 'created' | 'latest';

/**
 * Distinctive text the payload walk writes into private fields ("canaries"), with the record
 * each came from, and secrets that no event may carry at all (issue 9 item 4).
 */
export class Canaries {
  private readonly planted = new Map<string, { recordId: string; which: Which }>();
  /** Credentials and their hashes: in no payload, whatever its marking. */
  readonly secrets = new Set<string>();

  /** `text` was written into a private field of `recordId`: only who may see that record may receive it. */
  plant(text: string, recordId: string, which: Which = 'created'): void {
    this.planted.set(text, { recordId, which });
  }

  /** Texts no event may carry. */
  never(...texts: readonly string[]): void {
    for (const t of texts) {
      if (t.length < 8) throw new Error(`secret too short to search for: ${t}`);
      this.secrets.add(t);
    }
  }

  /** Each planted text's audience: the marking of its record's creating (or latest) event. */
  audiences(events: readonly StoredEvent[]): Map<string, Marking> {
    const out = new Map<string, Marking>();
    for (const [text, { recordId, which }] of this.planted) {
      const about = events.filter((e) => e.recordId === recordId);
      const e = which === 'created' ? about[0] : about.at(-1);
      if (!e) throw new Error(`no event about ${recordId}, the record of ${text}`);
      out.set(text, e.marking);
    }
    return out;
  }
}
