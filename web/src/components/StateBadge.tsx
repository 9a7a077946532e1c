import { Badge } from '@mantine/core';

/** A record's state as a coloured badge that never shrinks to an ellipsis inside a table cell. */
export function StateBadge({ colour, children, title }: { colour: string; children: string; title?: string }) {
  return (
    <Badge variant="light" color={colour} title={title} style={{ minWidth: 'max-content' }}>
      {children}
    </Badge>
  );
}
