import { lazyDialog } from '../../components/lazy-component';

/** The new-network form (its checks bring TypeBox's checker), loaded when first opened. */
export const NewNetworkDialog = lazyDialog(
  () => import('./new-network-dialog').then((m) => m.NewNetworkDialog),
  (p) => p.open,
);
