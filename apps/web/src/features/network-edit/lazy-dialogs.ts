import { lazyDialog } from '../../components/lazy-component';

/** The edit dialog (the network form with its checks, the plan, the progress), loaded when first opened. */
export const EditNetworkDialog = lazyDialog(
  () => import('./edit-network-dialog').then((m) => m.EditNetworkDialog),
  (p) => p.open,
);
