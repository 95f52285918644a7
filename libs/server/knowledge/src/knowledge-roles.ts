import { PlatformRole } from '@commons/shared-contracts';
import type { Viewer } from '@commons/server-core';

/** The programme team (COE) runs platform-wide knowledge, guidelines, courses and champions; admins may do everything anyway. */
export const isProgrammeTeam = (actor: Viewer): boolean => actor.role === PlatformRole.Coe || actor.role === PlatformRole.Admin;
