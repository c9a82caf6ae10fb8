import type { Patch, Topology } from '@bridgeboard/topology';
import type { AuditEntry } from './audit.js';
import type { Role } from './auth.js';
import type { MigrationProgress } from './wiring.js';

/** The realtime protocol, written once: the api's socket.io server and the web's client both use it. */

export interface Snapshot {
  rev: number;
  topology: Topology;
}

export interface EngineStatus {
  reachable: boolean;
  /** The engine's version when reachable, e.g. `20.10.24`. */
  version: string | null;
  apiVersion: string | null;
}

export interface Activity {
  user: string;
  action: 'network.create' | 'network.remove' | 'network.connect' | 'network.disconnect';
  target: { network: string; container?: string };
  at: string;
}

/** Someone with the board open: one entry per user, however many tabs. */
export interface PresenceUser {
  username: string;
  role: Role;
  /** Open sockets (tabs, scripts) of this user. */
  connections: number;
  since: string;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  patch: (patch: Patch) => void;
  engine: (status: EngineStatus) => void;
  /** A change someone made that worked: the board toasts it. */
  activity: (activity: Activity) => void;
  /** Every audit entry as it is written, refused ones too: the Activity page is live from it. */
  audit: (entry: AuditEntry) => void;
  /** Who has the board open, sent to everyone whenever it changes. */
  presence: (users: PresenceUser[]) => void;
  /** A migration off the default bridge, step by step (and its undoing after a failure). */
  migration: (progress: MigrationProgress) => void;
}

export interface ClientToServerEvents {
  /** Asks for a fresh snapshot, after a rev gap or a reconnect. */
  resync: () => void;
}
