import type { FieldErrorDetail } from '@commons/shared-contracts';
import { ValidationError } from '@commons/server-core';

/**
 * A policy that cannot be compiled or merged: BAD_USER_INPUT with one field per problem,
 * named `rules.<ruleId>.<property>` (or `rules[<index>]…` before the rule has a usable id).
 * `ruleId` is the first offending rule.
 */
export class PolicyValidationError extends ValidationError {
  readonly ruleId: string | null;

  constructor(fields: FieldErrorDetail[], ruleId: string | null) {
    super(fields, fields.length === 1 ? fields[0].message : `${fields[0].message} (and ${fields.length - 1} more problems)`);
    this.ruleId = ruleId;
    if (ruleId !== null) this.details['ruleId'] = ruleId;
  }

  static rule(ruleId: string, property: string, message: string): PolicyValidationError {
    return new PolicyValidationError([{ field: `rules.${ruleId}.${property}`, message: `Rule "${ruleId}": ${message}` }], ruleId);
  }
}
