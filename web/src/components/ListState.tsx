import { Alert, Button, Center, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describeError } from '../api/problem';

/** A paged list answer of the API (`{ items, total }`). */
interface Page {
  items: readonly unknown[];
  total: number;
}

interface ListStateProps<P extends Page> {
  /** A query's state; an infinite query (pages loaded so far, flattened by its `select`) fits too. */
  query: Pick<UseQueryResult<P>, 'isPending' | 'isError' | 'error' | 'data'> & { refetch: () => Promise<unknown> };
  /** Said when the list is empty. */
  empty: ReactNode;
  children: (page: P) => ReactNode;
}

/** Loading, failure and empty states of a paged list, so each page only renders its table. */
export function ListState<P extends Page>({ query, empty, children }: ListStateProps<P>) {
  if (query.isError) {
    return (
      <Alert color="red" title="Could not load the list">
        {describeError(query.error)}
        <div>
          <Button mt="sm" size="xs" variant="light" onClick={() => void query.refetch()}>
            Try again
          </Button>
        </div>
      </Alert>
    );
  }
  if (query.isPending || query.data === undefined) {
    return (
      <Center py="xl" role="status" aria-label="Loading">
        <Loader size="sm" />
      </Center>
    );
  }
  if (query.data.items.length === 0 && query.data.total === 0) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {empty}
      </Text>
    );
  }
  return <>{children(query.data)}</>;
}
