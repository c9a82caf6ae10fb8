import { Type, type Static } from 'typebox';
import { Ref } from './common.js';

/** The topology, or a selection of it, as docker commands or a compose file. */
export const ExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('commands'), Type.Literal('compose')], { default: 'commands' }),
    networks: Type.Optional(Type.Array(Ref, { maxItems: 200 })),
    containers: Type.Optional(Type.Array(Ref, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;
export const ExportResponse = Type.Object({ format: Type.String(), text: Type.String() });
export type ExportResponse = Static<typeof ExportResponse>;
