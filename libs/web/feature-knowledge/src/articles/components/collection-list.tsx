import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { KnowledgeCollectionFieldsFragment } from '@commons/web-data-access';
import { collectionPath } from '../article-paths';

export function CollectionList({ collections, label }: { collections: readonly KnowledgeCollectionFieldsFragment[]; label: string }) {
  return (
    <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} spacing="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {collections.map((collection) => (
        <Paper component="li" key={collection.id} withBorder p="sm" radius="md">
          <Anchor component={Link} to={collectionPath(collection.id)} fw={600}>
            {collection.title}
          </Anchor>
          {collection.description && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {collection.description}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
