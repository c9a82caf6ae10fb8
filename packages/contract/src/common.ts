import { Type } from 'typebox';
import { NAME_MAX, NAME_PATTERN } from './patterns.js';

/** A network or container, by name or id. */
export const Ref = Type.String({ pattern: NAME_PATTERN, minLength: 1, maxLength: NAME_MAX });

export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
});

export const StringMap = Type.Record(Type.String(), Type.String());
export const NullableString = Type.Union([Type.String(), Type.Null()]);
