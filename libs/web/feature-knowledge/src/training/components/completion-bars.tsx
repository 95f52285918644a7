import { Group, Progress, Table, Text, Title } from '@mantine/core';
import type { CompletionGroupFieldsFragment } from '@commons/web-data-access';

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** Completion rates of one breakdown as a table of bars: the numbers are in the cells, the bars only show them. */
export function CompletionBars({ title, groups }: { title: string; groups: CompletionGroupFieldsFragment[] }) {
  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {groups.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nobody enrolled yet.
        </Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Completed</Table.Th>
              <Table.Th scope="col">Overdue</Table.Th>
              <Table.Th scope="col" w="35%">
                Rate
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={`${g.id ?? ''}${g.label}`}>
                <Table.Th scope="row" fw={500}>
                  {g.label}
                </Table.Th>
                <Table.Td>
                  {g.completed} of {g.enrolled}
                </Table.Td>
                <Table.Td>{g.overdue}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Progress value={g.rate * 100} color="green" size="lg" aria-hidden="true" style={{ flex: 1 }} />
                    <Text component="span" size="sm" w={44} ta="right">
                      {percent(g.rate)}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
