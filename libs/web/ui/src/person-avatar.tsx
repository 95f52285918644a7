import { Avatar } from '@mantine/core';

const COLORS = ['blue', 'teal', 'grape', 'orange', 'indigo', 'cyan', 'pink', 'lime'];

/** Initials on a colour derived from the person's id, so the same person keeps the same colour. */
export function PersonAvatar({ id, initials, name, size = 'md' }: { id: string; initials: string; name: string; size?: 'sm' | 'md' | 'lg' }) {
  const hash = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0);
  return (
    <Avatar color={COLORS[hash % COLORS.length]} radius="xl" size={size} alt={name} title={name}>
      {initials}
    </Avatar>
  );
}
