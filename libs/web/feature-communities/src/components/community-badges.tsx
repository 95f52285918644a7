import type { ReactNode } from 'react';
import { Badge, Group } from '@mantine/core';
import type { CommunityLifecycle, CommunityRole, SocialIntent } from '@commons/web-data-access';
import { INTENT, LIFECYCLE, ROLE } from '../labels';

export function IntentBadge({ intent }: { intent: SocialIntent }) {
  return (
    <Badge variant="light" color="blue" title="Social intent">
      {INTENT[intent].label}
    </Badge>
  );
}

/** Shown only when the community is not simply active. */
export function LifecycleBadge({ lifecycle, always = false }: { lifecycle: CommunityLifecycle; always?: boolean }) {
  if (lifecycle === 'ACTIVE' && !always) return null;
  const { label, color } = LIFECYCLE[lifecycle];
  return (
    <Badge variant="outline" color={color} title={LIFECYCLE[lifecycle].description}>
      {label}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: CommunityRole }) {
  return (
    <Badge variant="filled" color={role === 'MEMBER' ? 'gray.7' : 'indigo.8'}>
      You are a {ROLE[role].toLowerCase()}
    </Badge>
  );
}

export function BadgeRow({ children }: { children: ReactNode }) {
  return <Group gap="xs">{children}</Group>;
}
