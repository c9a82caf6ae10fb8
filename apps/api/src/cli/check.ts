import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

/** The contract's schema says yes. A plain boolean, not a type guard: the value keeps its type for the error message. */
export function satisfies(schema: TSchema, value: unknown): boolean {
  return Value.Check(schema, value);
}
