import { Type, type Static } from 'typebox';
import { Ref } from './common.js';

/** One ordered pair: can `from` reach `to`, how, and why (the core's `reachability`). */
export const ReachPairSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  byName: Type.Boolean(),
  byIp: Type.Boolean(),
  networks: Type.Array(Type.String()),
  /** One reason code per verdict, e.g. `shared-network`, `legacy-link`, `icc-disabled`. */
  reason: Type.String(),
  explanation: Type.String(),
  /** What the model says `to` answers at from `from` (a live probe tries these, and every other name and address `to` has). */
  names: Type.Array(Type.String()),
  addresses: Type.Array(Type.String()),
});
export type ReachPairBody = Static<typeof ReachPairSchema>;

export const ReachabilityQuery = Type.Object({ from: Type.Optional(Ref) }, { additionalProperties: false });
export const ReachabilityResponse = Type.Object({ pairs: Type.Array(ReachPairSchema) });
export const AcrossNodesQuery = Type.Object({ from: Ref }, { additionalProperties: false });
export type ReachabilityResponse = Static<typeof ReachabilityResponse>;

export const ProbeBody = Type.Object(
  {
    /** Probe only from this container (default: every running one). */
    from: Type.Optional(Ref),
    /** Only pairs whose both ends are on this network (default: all). */
    network: Type.Optional(Ref),
    /** Only pairs whose both ends are among these (a compose project, say). */
    containers: Type.Optional(Type.Array(Ref, { minItems: 1, maxItems: 500 })),
    /** Also what `from` reaches on other swarm nodes (GET …/reachability/across-nodes); needs `from`. */
    acrossNodes: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ProbeBody = Static<typeof ProbeBody>;

const Seen = Type.Object({ byName: Type.Boolean(), byIp: Type.Boolean() });

export const ProbedPairSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  predicted: Seen,
  /**
   * What answered, at any of the names and addresses `to` has (not only those the prediction
   * lists). Null when the pair was not probed: `from` is not running, lacks sh, ping, timeout, sed
   * or head, or may not send pings (`--cap-drop NET_RAW`), or the exec failed. Never a silent
   * "unreachable" for a container the probe could not run in.
   */
  observed: Type.Union([Seen, Type.Null()]),
  /** Null exactly when `observed` is. */
  agrees: Type.Union([Type.Boolean(), Type.Null()]),
  /** Why the pair was not probed, in words for a person (`web has no ping: …`); null when it was. */
  note: Type.Union([Type.String(), Type.Null()]),
  /** Per name and address tried for `to`: did it answer from `to` (a name: at one of `to`'s addresses). */
  tried: Type.Record(Type.String(), Type.Boolean()),
});
export type ProbedPair = Static<typeof ProbedPairSchema>;

export const ProbeResponse = Type.Object({
  pairs: Type.Array(ProbedPairSchema),
  startedAt: Type.String(),
  durationMs: Type.Integer(),
});
export type ProbeResponse = Static<typeof ProbeResponse>;

/** Admin settings. Probes need the engine's exec endpoints, so they are off until an admin turns them on. */
export const SettingsSchema = Type.Object({ probesEnabled: Type.Boolean() });
export type Settings = Static<typeof SettingsSchema>;
export const SettingsBody = Type.Object({ probesEnabled: Type.Boolean() }, { additionalProperties: false });
