/** The stored JSON list of a user's provider groups; anything that is not a string is left out (the column is ours, but a hand edit is not). */
export function groupsOf(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((g): g is string => typeof g === 'string') : [];
}
