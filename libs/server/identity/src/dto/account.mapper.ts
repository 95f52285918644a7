import { initialsOf } from '@commons/shared-contracts';
import type { AccountEntity } from '../entities/account.entity';
import type { AccountType } from './account.type';

export function toAccountType(account: AccountEntity): AccountType {
  return {
    id: account.id,
    displayName: account.displayName,
    initials: initialsOf(account.displayName),
    department: account.department,
    title: account.title,
    role: account.role,
    audience: account.audience,
    createdAt: account.createdAt,
    email: account.email,
    lastSignInAt: account.lastSignInAt,
    suspendedAt: account.suspendedAt,
  };
}
