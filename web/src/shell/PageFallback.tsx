import { Center, Loader } from '@mantine/core';

/** Shown while a page's code or the session loads. */
export function PageFallback() {
  return (
    <Center h={200} role="status" aria-label="Loading">
      <Loader />
    </Center>
  );
}
