import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Anchor, keyIdOf } from '../domain/audit/checkpoint';
import { AppError } from '../domain/errors';

/**
 * The audit key and the anchor file: the two things kept OUTSIDE the database so that
 * someone who can write the database cannot rewrite or truncate the chain unnoticed
 * (ADR 0043). Both are plain files; the key is created on first use, readable by its owner only.
 */
export interface AuditKey {
  readonly privateKey: KeyObject | null;
  readonly publicKey: KeyObject;
  readonly keyId: string;
}

function fromPem(pem: string, path: string): AuditKey {
  try {
    const privateKey = createPrivateKey(pem);
    const publicKey = createPublicKey(privateKey);
    return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
  } catch {
    // A public key alone verifies (an auditor's copy); it cannot sign checkpoints.
    try {
      const publicKey = createPublicKey(pem);
      return { privateKey: null, publicKey, keyId: keyIdOf(publicKey) };
    } catch {
      throw new AppError('VALIDATION', `${path} is not an Ed25519 key in PEM form`, [{ path: '/env/AISC_AUDIT_KEY_FILE', message: 'not a PEM key' }]);
    }
  }
}

/** The key at `path`, or null when the file does not exist. */
export function readAuditKey(path: string): AuditKey | null {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  return fromPem(pem, path);
}

/** The key at `path`, generated (Ed25519, mode 0600, created exclusively) when absent. */
export function loadOrCreateAuditKey(path: string): AuditKey {
  const existing = readAuditKey(path);
  if (existing) return existing;
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  mkdirSync(dirname(path), { recursive: true });
  try {
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, pem);
    closeSync(fd);
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readAuditKey(path)!;
}

/** The anchor file: null when absent, 'unreadable' when it is not an anchor. */
export function readAnchor(path: string): Anchor | 'unreadable' | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'unreadable';
  }
  try {
    const a = JSON.parse(text) as Partial<Anchor>;
    if (
      Number.isSafeInteger(a.seq) &&
      typeof a.hash === 'string' &&
      typeof a.at === 'string' &&
      typeof a.keyId === 'string' &&
      typeof a.signature === 'string'
    ) {
      return { seq: a.seq!, hash: a.hash, at: a.at, keyId: a.keyId, signature: a.signature };
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

/** Replaces the anchor file atomically (write a sibling, then rename over it). */
export function writeAnchor(path: string, anchor: Anchor): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o644 });
  renameSync(tmp, path);
}
