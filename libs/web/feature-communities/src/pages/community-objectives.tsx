import { Paper, Stack, Text, Title } from '@mantine/core';
import type { CommunityQuery } from '@commons/web-data-access';
import { DIRECTION, METRIC, calendarDate } from '../labels';

type Objective = NonNullable<CommunityQuery['community']['objectives']>[number];

const number = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 4 });

/** The community's objectives with their targets; progress comes once metrics exist. */
export function CommunityObjectives({ objectives }: { objectives: Objective[] }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="objectives-heading">
      <Title order={3} id="objectives-heading">
        Objectives
      </Title>
      <Text size="sm" c="dimmed">
        Targets the community works towards. Progress arrives with metrics.
      </Text>
      {objectives.length === 0 ? (
        <Text c="dimmed" size="sm">
          No objectives yet.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {objectives.map((o) => (
            <Paper key={o.id} component="li" withBorder p="sm" radius="md">
              <Text fw={600}>{o.title || METRIC[o.metricKey].label}</Text>
              <Text size="sm">
                {METRIC[o.metricKey].label}: {number(o.baseline)} → {number(o.target)} ({DIRECTION[o.direction].toLowerCase()})
              </Text>
              <Text size="sm" c="dimmed">
                Due {calendarDate(o.dueDate)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
