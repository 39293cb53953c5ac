/**
 * Custom Entity Store conditions as the KVS service evaluates them in a transaction's `set`, `delete`
 * and `check` (`{ and: [...] }` or `{ or: [...] }` of `{ property, condition, values }`). A missing entity
 * has no attributes: only NOT_EXISTS holds for it, which is how "create only if absent" is written.
 */
import { z } from 'zod';

const ConditionSchema = z.object({
  property: z.string(),
  condition: z.enum([
    'BEGINS_WITH',
    'BETWEEN',
    'CONTAINS',
    'EQUAL_TO',
    'EXISTS',
    'GREATER_THAN',
    'GREATER_THAN_EQUAL_TO',
    'LESS_THAN',
    'LESS_THAN_EQUAL_TO',
    'NOT_CONTAINS',
    'NOT_EQUAL_TO',
    'NOT_EXISTS',
  ]),
  values: z.array(z.unknown()),
});
export const ConditionsSchema = z
  .object({ and: z.array(ConditionSchema).min(1).optional(), or: z.array(ConditionSchema).min(1).optional() })
  .strict()
  .refine((c) => (c.and === undefined) !== (c.or === undefined), 'exactly one of and/or');
export type Conditions = z.infer<typeof ConditionsSchema>;
type Condition = z.infer<typeof ConditionSchema>;

function attributeOf(entity: unknown, property: string): unknown {
  return typeof entity === 'object' && entity !== null ? Reflect.get(entity, property) : undefined;
}

function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function holds(entity: unknown, c: Condition): boolean {
  const actual = attributeOf(entity, c.property);
  const [first, second] = c.values;
  if (c.condition === 'NOT_EXISTS') return actual === undefined;
  if (actual === undefined) return false;
  const order = compare(actual, first);
  switch (c.condition) {
    case 'EXISTS':
      return true;
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'CONTAINS':
      return typeof actual === 'string' && typeof first === 'string' && actual.includes(first);
    case 'NOT_CONTAINS':
      return typeof actual === 'string' && typeof first === 'string' && !actual.includes(first);
    case 'GREATER_THAN':
      return order !== undefined && order > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return order !== undefined && order >= 0;
    case 'LESS_THAN':
      return order !== undefined && order < 0;
    case 'LESS_THAN_EQUAL_TO':
      return order !== undefined && order <= 0;
    case 'BETWEEN': {
      const upper = compare(actual, second);
      return order !== undefined && upper !== undefined && order >= 0 && upper <= 0;
    }
  }
}

/** Whether `entity` (undefined = no such entity) meets `conditions`. */
export function conditionsHold(conditions: Conditions, entity: unknown): boolean {
  if (conditions.and) return conditions.and.every((c) => holds(entity, c));
  return (conditions.or ?? []).some((c) => holds(entity, c));
}
