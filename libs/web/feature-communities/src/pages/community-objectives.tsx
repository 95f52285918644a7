import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ObjectiveFieldsFragment } from '@commons/web-data-access';
import { DIRECTION, METRIC, calendarDate } from '../labels';
import { formatNumber as number } from '../objectives/objective-model';

/** The community's objectives with their targets; progress comes once metrics exist. Managers get a link to change them. */
export function CommunityObjectives({ objectives, editHref }: { objectives: ObjectiveFieldsFragment[]; editHref?: string }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="objectives-heading">
      <Group justify="space-between" align="baseline">
        <Title order={3} id="objectives-heading">
          Objectives
        </Title>
        {editHref && (
          <Anchor component={Link} to={editHref} size="sm" underline="always">
            Edit objectives
          </Anchor>
        )}
      </Group>
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
