import { lazyDialog } from '../../components/lazy-component';

/** The migration assistant (with its subnet arithmetic), loaded when first opened. */
export const MigrationDialog = lazyDialog(
  () => import('./migration-dialog').then((m) => m.MigrationDialog),
  (p) => p.open,
);
