import type { Patch, Topology } from '@bridgeboard/topology';

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

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  patch: (patch: Patch) => void;
  engine: (status: EngineStatus) => void;
  activity: (activity: Activity) => void;
}

export interface ClientToServerEvents {
  /** Asks for a fresh snapshot, after a rev gap or a reconnect. */
  resync: () => void;
}
