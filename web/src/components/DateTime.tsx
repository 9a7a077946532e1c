import { Text, Tooltip } from '@mantine/core';

const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A server timestamp in the reader's locale, with the exact ISO value on hover; "—" when absent. */
export function DateTime({ value, empty = '—' }: { value: string | null | undefined; empty?: string }) {
  if (!value) {
    return (
      <Text span c="dimmed" size="sm">
        {empty}
      </Text>
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    return (
      <Text span size="sm">
        {value}
      </Text>
    );
  return (
    <Tooltip label={value} openDelay={400}>
      <Text span size="sm" component="time" dateTime={value} style={{ whiteSpace: 'nowrap' }}>
        {format.format(date)}
      </Text>
    </Tooltip>
  );
}
