/** The contract's TokenName rule (packages/contract/src/auth.ts), as a message; null when accepted. */
const TOKEN_NAME = /^[a-zA-Z0-9][a-zA-Z0-9 _.-]{0,63}$/;

export function checkTokenName(name: string): string | null {
  return TOKEN_NAME.test(name) ? null : 'up to 64 letters, digits, spaces, “_”, “.” or “-”, starting with a letter or digit';
}
