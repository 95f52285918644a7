import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, NavLink, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CreateForumCategoryDocument, FollowForumCategoryDocument, ForumCategoriesDocument, toApiError, useAction, useForm, type ForumCategoryFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert, FollowToggle, FormActions, QueryState } from '@commons/web-ui';
import { forgetCategories } from '../forum-cache';
import type { ForumCommunity } from '../forum-community';
import { CATEGORY_DESCRIPTION_MAX_LENGTH, CATEGORY_NAME_MAX_LENGTH, rules } from '../forum-model';

function NewCategoryForm({ communityId, onDone }: { communityId: string; onDone: (category: ForumCategoryFieldsFragment | null) => void }) {
  const [create, { loading }] = useMutation(CreateForumCategoryDocument);
  const form = useForm({ name: '', description: '' }, { name: rules.categoryName, description: rules.categoryDescription });
  return (
    <form
      noValidate
      aria-label="New category"
      onSubmit={form.submit(async (values) => {
        const { data } = await create({
          variables: { input: { communityId, name: values.name.trim(), description: values.description.trim() || null } },
          update: forgetCategories,
        });
        onDone(data?.createForumCategory ?? null);
      })}
    >
      <Stack gap="xs">
        {form.generalError && <ErrorAlert error={form.generalError} />}
        <TextInput label="Category name" description={`2 to ${CATEGORY_NAME_MAX_LENGTH} characters.`} required {...form.field('name')} />
        <Textarea label="Description (optional)" description={`Up to ${CATEGORY_DESCRIPTION_MAX_LENGTH} characters.`} autosize minRows={2} {...form.field('description')} />
        <FormActions submitLabel="Create category" busy={loading} onCancel={() => onDone(null)} size="xs" />
      </Stack>
    </form>
  );
}

/** Following the chosen category: its followers hear about its new threads. */
function CategoryFollow({ category }: { category: ForumCategoryFieldsFragment }) {
  const [follow] = useMutation(FollowForumCategoryDocument);
  const action = useAction();
  return (
    <Stack gap={4}>
      <FollowToggle
        label={`Follow ${category.name}`}
        following={category.viewerFollows}
        busy={action.busy}
        onToggle={(on) =>
          void action.run(() =>
            follow({
              variables: { categoryId: category.id, follow: on },
              update: (cache, { data }) => {
                if (data) cache.modify({ id: cache.identify({ __typename: 'ForumCategory', id: category.id }), fields: { viewerFollows: () => data.followForumCategory } });
              },
            }),
          )
        }
      />
      {action.error && <ErrorAlert error={action.error} />}
    </Stack>
  );
}

/**
 * The forum's categories as a navigation list that filters the threads (all, or one category);
 * managers add categories here.
 */
export function CategoryList({ community, selected, hrefFor }: { community: ForumCommunity; selected: string | null; hrefFor: (categoryId: string | null) => string }) {
  const { data, loading, error, refetch } = useQuery(ForumCategoriesDocument, { variables: { communityId: community.id } });
  const [adding, setAdding] = useState(false);
  const categories = data?.forumCategories ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="categories-heading">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h4" id="categories-heading">
          Categories
        </Title>
        {community.viewerCan.manage && !adding && (
          <Button size="compact-sm" variant="light" onClick={() => setAdding(true)}>
            New category
          </Button>
        )}
      </Group>
      {adding && <NewCategoryForm communityId={community.id} onDone={() => setAdding(false)} />}
      <QueryState
        loading={loading && !data}
        error={toApiError(error)}
        empty={categories.length === 0}
        emptyText="No categories yet: the first thread goes into “General”."
        onRetry={() => void refetch()}
      >
        <nav aria-label="Categories">
          <NavLink component={Link} to={hrefFor(null)} label="All categories" active={selected === null} aria-current={selected === null ? 'page' : undefined} />
          {categories.map((category) => (
            <NavLink
              key={category.id}
              component={Link}
              to={hrefFor(category.id)}
              label={category.name}
              description={category.description || undefined}
              active={selected === category.id}
              aria-current={selected === category.id ? 'page' : undefined}
            />
          ))}
        </nav>
      </QueryState>
      {categories
        .filter((c) => c.id === selected)
        .map((category) => (
          <CategoryFollow key={category.id} category={category} />
        ))}
      {!loading && selected && data && !categories.some((c) => c.id === selected) && (
        <Text size="sm" c="dimmed">
          The chosen category is not in this forum.
        </Text>
      )}
    </Stack>
  );
}
