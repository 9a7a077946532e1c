import { Table, VisuallyHidden, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface DataTableProps extends Omit<TableProps, 'children'> {
  /** The table's accessible name ("API tokens"). */
  label: string;
  columns: string[];
  /** Adds a last column of row buttons, titled for screen readers only. */
  withActions?: boolean;
  /** Below this width the table scrolls sideways instead of squeezing (phones). */
  minWidth: number;
  children: ReactNode;
}

/** A list table: header row from column names, rows as children, horizontal scroll on small screens. */
export function DataTable({ label, columns, withActions, minWidth, children, ...props }: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped aria-label={label} {...props}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
            {withActions && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
