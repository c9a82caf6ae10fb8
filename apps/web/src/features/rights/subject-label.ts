import type { ApiToken, GrantSubject } from '@bridgeboard/contract';

/** `user pat`, `group /payments`, `token ci (1f2e…)`: a token by its name when it is still listed. */
export function subjectLabel(subject: GrantSubject, tokens: readonly ApiToken[] | undefined): string {
  if (subject.kind !== 'token') return `${subject.kind} ${subject.name}`;
  const token = tokens?.find((t) => t.id === subject.name);
  return token ? `token ${token.name} (${subject.name})` : `token ${subject.name}`;
}
