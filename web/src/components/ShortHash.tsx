import { Code, Tooltip } from '@mantine/core';

interface ShortHashProps {
  value: string | null | undefined;
  length?: number;
  /**
   * Which end to keep: digests differ from the first character, but UUIDv7 ids begin with
   * their creation time, so ids made together share a head and differ at the tail.
   */
  keep?: 'head' | 'tail';
}

/** The shortened text of a digest, hash or id. */
export function shorten(value: string, length = 12, keep: ShortHashProps['keep'] = 'head'): string {
  const text = value.replace(/^sha256:/, '');
  if (text.length <= length) return text;
  return keep === 'head' ? `${text.slice(0, length)}…` : `…${text.slice(-length)}`;
}

/** A digest, hash or id shortened; the full value on hover and for screen readers. */
export function ShortHash({ value, length = 12, keep = 'head' }: ShortHashProps) {
  if (!value) return <Code c="dimmed">—</Code>;
  const short = shorten(value, length, keep);
  return (
    <Tooltip label={value} openDelay={300} multiline maw={360} style={{ wordBreak: 'break-all' }}>
      <Code aria-label={value} title={value} tabIndex={0}>
        {short}
      </Code>
    </Tooltip>
  );
}
