import { Badge } from '@mantine/core';
import type { ObjectiveStatusCode } from '@commons/web-data-access';
import { OBJECTIVE_STATUS } from '../model/status';

/** An objective's status: its word on its colour (never the colour alone). */
export function ObjectiveStatusBadge({ status, title }: { status: ObjectiveStatusCode; title?: string }) {
  const s = OBJECTIVE_STATUS[status];
  return (
    <Badge color={s.colour} c={s.text} variant="filled" title={title}>
      {s.label}
    </Badge>
  );
}
