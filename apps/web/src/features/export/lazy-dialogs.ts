import { lazyDialog } from '../../components/lazy-component';

/** The export dialog, loaded when first opened. */
export const ExportDialog = lazyDialog(
  () => import('./export-dialog').then((m) => m.ExportDialog),
  (p) => p.open,
);
