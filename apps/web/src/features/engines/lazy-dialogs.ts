import { lazyDialog } from '../../components/lazy-component';

/** The add/edit engine form, loaded when first opened. */
export const EngineDialog = lazyDialog(
  () => import('./engine-dialog').then((m) => m.EngineDialog),
  (p) => p.open,
);
