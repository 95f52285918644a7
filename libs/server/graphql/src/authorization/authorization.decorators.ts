import { SetMetadata } from '@nestjs/common';
import { Extensions } from '@nestjs/graphql';

export const AUTHORIZATION_METADATA = 'commons:authorization';

/**
 * How a GraphQL field is protected. Every root field and every object field carries one
 * (on the field or on its type); a test walks the schema and fails on any field without.
 */
export type FieldAccess =
  | { kind: 'public' }
  | { kind: 'rule'; action: string }
  /** Object fields readable by whoever could read the parent object. */
  | { kind: 'parent' };

export const PUBLIC: FieldAccess = { kind: 'public' };

/**
 * Records the access rule twice: as Nest metadata (read by AuthorizationGuard on resolvers)
 * and as a GraphQL extension on the field or type (read by the field middleware and the schema test).
 */
function access(value: FieldAccess) {
  const extension = Extensions({ access: value });
  const metadata = SetMetadata(AUTHORIZATION_METADATA, value);
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (key === undefined) {
      metadata(target as never);
      extension(target as never);
    } else if (descriptor) {
      metadata(target, key, descriptor);
      extension(target, key, descriptor);
    } else {
      (extension as PropertyDecorator)(target, key);
    }
  };
}

/** Anyone may call this, signed in or not (sign-in, registration, health-like fields). */
export const Public = () => access(PUBLIC);

/**
 * The AuthorizationService must allow `action`. On a resolver method the rule is checked
 * without a resource (services check resource-specific rules); on an object field or type
 * the parent object is the resource, and a refused field resolves to null.
 */
export const Authorize = (action: string) => access({ kind: 'rule', action });

/** On an object type: its fields are readable by whoever was allowed to fetch the object. */
export const ReadableWithParent = () => Extensions({ access: { kind: 'parent' } satisfies FieldAccess });
