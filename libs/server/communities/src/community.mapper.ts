import { ValidationError } from '@commons/server-core';
import type { LoadedCommunity } from './community.repository';
import type { CommunityType } from './dto/community.type';
import type { ObjectiveEntity } from './entities/objective.entity';
import type { ObjectiveType } from './dto/objective.type';

export function toCommunityType({ community: c, access }: LoadedCommunity): CommunityType {
  return {
    access,
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    charter: c.charter,
    audiences: c.audiences,
    visibility: c.visibility,
    intent: c.intent,
    intentStatement: c.intentStatement,
    useCases: c.useCases,
    lifecycle: c.lifecycle,
    ownerId: c.ownerId,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    archivedAt: c.archivedAt,
  };
}

export function toObjectiveType(o: ObjectiveEntity): ObjectiveType {
  return { ...o };
}

/** Today's date in UTC as YYYY-MM-DD, the form objective due dates are compared in. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Collects field errors and throws them together, so a form can show every problem at once. */
export class FieldErrors {
  private readonly errors: Array<{ field: string; message: string }> = [];

  add(field: string, message: string): this {
    this.errors.push({ field, message });
    return this;
  }

  throwIfAny(): void {
    if (this.errors.length > 0) throw new ValidationError(this.errors);
  }
}
