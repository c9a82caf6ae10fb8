import type { Patch, Topology } from '@bridgeboard/topology';
import type { EngineStatus } from './engines.js';
import type { AuditEntry } from './audit.js';
import type { Role } from './roles.js';
import type { MigrationProgress } from './migration.js';
import type { NetworkEditProgress } from './network-edit.js';

/** The realtime protocol, written once: the api's socket.io server and the web's client both use it. */

/** One engine's whole topology; `rev` counts that engine's changes (every engine has its own). */
export interface Snapshot {
  engine: string;
  rev: number;
  topology: Topology;
}

/** One engine's change: the next rev of that engine. */
export interface EnginePatch extends Patch {
  engine: string;
}

/** An engine's reachability, sent whenever it changes (and on subscribing). */
export interface EngineState extends EngineStatus {
  engine: string;
}

/** What a `subscribe` got: the engines now followed, and those refused with the reason. */
export interface SubscribeAck {
  engines: string[];
  refused: { engine: string; reason: string }[];
}

export interface Activity {
  engine: string;
  user: string;
  action: 'network.create' | 'network.remove' | 'network.connect' | 'network.disconnect' | 'network.edit';
  target: { network: string; container?: string };
  at: string;
}

/** Someone with the board open: one entry per user, however many tabs. */
export interface PresenceUser {
  username: string;
  role: Role;
  /** Open sockets (tabs, scripts) of this user. */
  sockets: number;
  since: string;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  patch: (patch: EnginePatch) => void;
  engine: (state: EngineState) => void;
  /** A change someone made that worked: the board toasts it. */
  activity: (activity: Activity) => void;
  /** Every audit entry as it is written, refused ones too: the Activity page is live from it. */
  audit: (entry: AuditEntry) => void;
  /** Who has the board open, sent to everyone whenever it changes. */
  presence: (users: PresenceUser[]) => void;
  /** A migration off the default bridge, step by step (and its undoing after a failure). */
  migration: (progress: MigrationProgress) => void;
  /** A network edit (re-made with its endpoints kept), step by step, with its verification and any undoing. */
  networkEdit: (progress: NetworkEditProgress) => void;
}

export interface ClientToServerEvents {
  /**
   * Follows exactly these engines from now on (replacing what was followed before): a snapshot and
   * the state of each, then its patches. Engines the caller may not see are refused in the ack.
   */
  subscribe: (engines: string[], ack: (result: SubscribeAck) => void) => void;
  /** Asks for a fresh snapshot of one followed engine, after a rev gap. */
  resync: (engine: string) => void;
}
