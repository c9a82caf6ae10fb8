import { lazyDialog } from '../../components/lazy-component';

/** The new-token form, loaded when first opened. */
export const NewTokenDialog = lazyDialog(
  () => import('./new-token-dialog').then((m) => m.NewTokenDialog),
  (p) => p.open,
);
