import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table's column: its heading, and whether it holds numbers (right-aligned). */
export interface Column {
  label: ReactNode;
  numeric?: boolean;
}

/** The head row of a metrics table: one heading per column, numbers right-aligned. */
export function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column, i) => (
          <Table.Th key={i} scope="col" ta={column.numeric ? 'right' : undefined}>
            {column.label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
