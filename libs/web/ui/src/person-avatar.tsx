import { Avatar } from '@mantine/core';

// Darkest shades: white initials on them keep WCAG AA contrast.
const COLORS = ['blue.9', 'teal.9', 'grape.9', 'indigo.9', 'violet.9', 'pink.9', 'cyan.9', 'red.9'];

/** Initials on a colour derived from the person's id, so the same person keeps the same colour. */
export function PersonAvatar({ id, initials, name, size = 'md' }: { id: string; initials: string; name: string; size?: 'sm' | 'md' | 'lg' }) {
  const hash = [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 0);
  return (
    <Avatar color={COLORS[hash % COLORS.length]} variant="filled" radius="xl" size={size} alt={name} title={name}>
      {initials}
    </Avatar>
  );
}
