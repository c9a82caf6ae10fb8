import { Type, type Static } from 'typebox';
import { Ref } from './common.js';
import { EngineRef } from './engines.js';

export const ConnectBody = Type.Object(
  {
    container: Ref,
    aliases: Type.Optional(Type.Array(Ref, { maxItems: 16, uniqueItems: true })),
    ipv4Address: Type.Optional(Type.String({ format: 'ipv4' })),
    ipv6Address: Type.Optional(Type.String({ format: 'ipv6' })),
  },
  { additionalProperties: false },
);
export type ConnectBody = Static<typeof ConnectBody>;

export const NetworkParams = Type.Object({ engine: EngineRef, id: Ref }, { additionalProperties: false });
export const ConnectionParams = Type.Object({ engine: EngineRef, id: Ref, container: Ref }, { additionalProperties: false });
export const DisconnectQuery = Type.Object({ force: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
