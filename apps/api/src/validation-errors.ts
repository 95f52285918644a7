import type { ValidationError as ClassValidatorError } from 'class-validator';
import type { FieldErrorDetail } from '@commons/shared-contracts';

/** Flattens class-validator's tree into `{ field, message }` pairs with dotted paths. */
export function toFieldErrors(errors: ClassValidatorError[], prefix = ''): FieldErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}
