/** Up to two letters for an avatar: `alice` → `AL`, `bob.smith` → `BS`, `x9` → `X9`. */
export function initials(username: string): string {
  const parts = username.split(/[._-]+/).filter(Boolean);
  const letters = parts.length >= 2 ? `${parts[0]?.[0] ?? ''}${parts[1]?.[0] ?? ''}` : username.slice(0, 2);
  return letters.toUpperCase();
}
