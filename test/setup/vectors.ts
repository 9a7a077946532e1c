import { unpackVectors } from '../helpers/vectors';

/** vitest globalSetup: unpack the in-repository test vectors once, before the workers start. */
export default function setup(): void {
  unpackVectors();
}
