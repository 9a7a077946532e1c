import { checkItems, type Checked, type RawItem } from './check-items';

/** Checks a chunk of submitted items (check-items.ts), here or on another thread. */
export interface ItemChecker {
  check(raw: readonly RawItem[], requestKey: string | null): Promise<Checked[]>;
  /** Gets ready ahead of the first submission (a server at start). */
  warm(): void;
  close(): Promise<void>;
}

/** Checks on the calling thread. */
export const inlineChecker: ItemChecker = {
  check: async (raw, requestKey) => checkItems(raw, requestKey),
  warm: () => undefined,
  close: async () => undefined,
};
