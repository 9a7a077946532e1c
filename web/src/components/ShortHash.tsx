import { Code, Tooltip } from '@mantine/core';

/** A digest or hash shortened to its first characters; the full value on hover and for screen readers. */
export function ShortHash({ value, length = 12 }: { value: string | null | undefined; length?: number }) {
  if (!value) return <Code c="dimmed">—</Code>;
  const hex = value.replace(/^sha256:/, '');
  return (
    <Tooltip label={value} openDelay={300} multiline maw={360} style={{ wordBreak: 'break-all' }}>
      <Code aria-label={value} title={value} tabIndex={0}>
        {hex.length > length ? `${hex.slice(0, length)}…` : hex}
      </Code>
    </Tooltip>
  );
}
