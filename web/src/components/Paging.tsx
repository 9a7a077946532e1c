import { Group, Pagination, Text } from '@mantine/core';
import { useState } from 'react';

export const defaultPageSize = 20;

/** Page state for a `limit`/`offset` list; call `reset` when a filter changes. */
export function usePaging(pageSize = defaultPageSize) {
  const [page, setPage] = useState(1);
  return { page, setPage, reset: () => setPage(1), limit: pageSize, offset: (page - 1) * pageSize };
}

interface PagerProps {
  page: number;
  onChange: (page: number) => void;
  total: number;
  pageSize?: number;
  /** What is being paged, for the screen-reader label ("organisations"). */
  noun: string;
}

/** "21–40 of 130" and page buttons; nothing when everything fits on one page. */
export function Pager({ page, onChange, total, pageSize = defaultPageSize, noun }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? `No ${noun}` : `${first}–${last} of ${total} ${noun}`}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          aria-label={`Pages of ${noun}`}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
        />
      )}
    </Group>
  );
}
