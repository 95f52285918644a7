import {
  DEPARTMENT_MAX_LENGTH,
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  TITLE_MAX_LENGTH,
} from '@commons/shared-contracts';

/** The same rules the server applies (shared limits), checked before sending. */
export const rules = {
  email: (v: string) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(v.trim()) ? undefined : 'Enter a valid e-mail address.'),
  required: (label: string) => (v: string) => (v.trim() ? undefined : `Enter ${label}.`),
  newPassword: (v: string) =>
    v.length < PASSWORD_MIN_LENGTH
      ? `Use at least ${PASSWORD_MIN_LENGTH} characters.`
      : v.length > PASSWORD_MAX_LENGTH
        ? `Use at most ${PASSWORD_MAX_LENGTH} characters.`
        : undefined,
  displayName: (v: string) =>
    v.trim().length < 1 || v.trim().length > DISPLAY_NAME_MAX_LENGTH ? `Enter a name of 1 to ${DISPLAY_NAME_MAX_LENGTH} characters.` : undefined,
  department: (v: string) => (v.trim().length > DEPARTMENT_MAX_LENGTH ? `Use at most ${DEPARTMENT_MAX_LENGTH} characters.` : undefined),
  title: (v: string) => (v.trim().length > TITLE_MAX_LENGTH ? `Use at most ${TITLE_MAX_LENGTH} characters.` : undefined),
};
