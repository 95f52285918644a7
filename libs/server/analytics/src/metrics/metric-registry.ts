import { Injectable } from '@nestjs/common';
import { ValidationError } from '@commons/server-core';
import type { MetricDefinition } from './metric-definition';

/**
 * Every metric the platform reports, by key. Each part of analytics registers its own
 * definitions when its module starts (adoption, support, listening…); keys are unique.
 */
@Injectable()
export class MetricRegistry {
  private readonly definitions = new Map<string, MetricDefinition>();

  register(definitions: readonly MetricDefinition[]): void {
    for (const definition of definitions) {
      if (this.definitions.has(definition.key)) throw new Error(`Metric ${definition.key} is defined twice`);
      this.definitions.set(definition.key, definition);
    }
  }

  get all(): MetricDefinition[] {
    return [...this.definitions.values()];
  }

  find(key: string): MetricDefinition | undefined {
    return this.definitions.get(key);
  }

  /** The definition, or BAD_USER_INPUT naming the valid keys. */
  get(key: string, field = 'metric'): MetricDefinition {
    const definition = this.definitions.get(key);
    if (!definition) throw ValidationError.field(field, `Unknown metric "${key}". Valid metrics: ${[...this.definitions.keys()].sort().join(', ')}.`);
    return definition;
  }
}
