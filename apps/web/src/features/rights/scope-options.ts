import { GRANT_SUBJECT_KINDS } from '@bridgeboard/contract';
import type { ScopeKind } from './grant-form';

export const SUBJECT_OPTIONS = GRANT_SUBJECT_KINDS.map((kind) => ({ value: kind, label: kind }));

export const SCOPE_OPTIONS: readonly { value: ScopeKind; label: string }[] = [
  { value: 'all', label: 'all engines' },
  { value: 'engine', label: 'one engine' },
  { value: 'label', label: 'networks by label' },
  { value: 'name', label: 'networks by name pattern' },
];
