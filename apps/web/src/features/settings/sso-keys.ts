import { settingsKeys } from './settings-keys';

export const ssoKeys = {
  settings: () => [...settingsKeys.all, 'oidc'] as const,
};
