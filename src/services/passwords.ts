import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../domain/errors';

/** argon2id with the OWASP-recommended minimum (m=19 MiB, t=2, p=1), the library's defaults. */
export const hashPassword = (password: string): Promise<string> => hash(password);

// Verifying against a real hash when the user does not exist keeps the timing of a wrong
// email and a wrong password alike (no user enumeration through response times).
let dummy: Promise<string> | null = null;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hash('not-a-password-of-anyone');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** NIST SP 800-63B §5.1.1.2: at least 8 characters; we ask for 12 and cap at 256. */
export function checkPassword(password: string, path = '/password'): void {
  if (password.length < 12 || password.length > 256) {
    throw new AppError('VALIDATION', 'The password is not acceptable', [{ path, message: 'must be between 12 and 256 characters' }]);
  }
}
