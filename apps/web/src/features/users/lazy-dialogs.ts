import { lazyDialog } from '../../components/lazy-component';

/** The users page's forms, each loaded when first opened. */
export const AddUserDialog = lazyDialog(
  () => import('./add-user-dialog').then((m) => m.AddUserDialog),
  (p) => p.open,
);
export const EngineRolesDialog = lazyDialog(
  () => import('./engine-roles-dialog').then((m) => m.EngineRolesDialog),
  (p) => p.user !== null,
);
export const ResetPasswordDialog = lazyDialog(
  () => import('./reset-password-dialog').then((m) => m.ResetPasswordDialog),
  (p) => p.username !== null,
);
