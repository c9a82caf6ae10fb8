/** What the user asked for on the board; the page confirms or sends it. */
export type BoardIntent =
  | { kind: 'connect'; networkId: string; containerId: string; withOptions: boolean }
  | { kind: 'move'; networkId: string; containerId: string; fromNetworkId: string }
  | { kind: 'disconnect'; networkId: string; containerId: string }
  | { kind: 'refused'; reason: string };
