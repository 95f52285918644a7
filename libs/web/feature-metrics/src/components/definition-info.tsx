import { ActionIcon, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';

/** What a number means: a metric's definition from the registry, or a card's own explanation. */
export interface Explained {
  key: string;
  name: string;
  description: string;
  formula?: string;
  direction?: string;
}

const DIRECTION: Record<string, string> = {
  HIGHER_IS_BETTER: 'Higher is better.',
  LOWER_IS_BETTER: 'Lower is better.',
};

/**
 * A "?" next to a chart's title: hovering, focusing or pressing it shows what each number in
 * the chart means and how it is computed.
 */
export function DefinitionInfo({ title, definitions }: { title: string; definitions: readonly Explained[] }) {
  const [opened, { open, close, toggle }] = useDisclosure(false);
  return (
    <Popover opened={opened} onChange={(o) => (o ? open() : close())} width={340} position="bottom-start" withArrow shadow="md" withRoles={false}>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          radius="xl"
          size="sm"
          aria-label={`What “${title}” means`}
          aria-expanded={opened}
          onMouseEnter={open}
          onMouseLeave={close}
          onFocus={open}
          onBlur={close}
          onClick={toggle}
          data-print-hide
        >
          <Text span fw={700} size="sm" aria-hidden>
            ?
          </Text>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={`Definitions: ${title}`}>
        <Stack gap="sm">
          {definitions.map((d) => (
            <Stack key={d.key} gap={2}>
              <Text fw={600} size="sm">
                {d.name}
              </Text>
              <Text size="sm">{d.description}</Text>
              {(d.formula || (d.direction && DIRECTION[d.direction])) && (
                <Text size="xs" c="dimmed">
                  {d.formula && `Formula: ${d.formula}. `}
                  {d.direction && DIRECTION[d.direction]}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
