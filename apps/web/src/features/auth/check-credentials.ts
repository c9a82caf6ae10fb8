import { PASSWORD_MIN, USERNAME_PATTERN } from '@bridgeboard/contract';

const USERNAME = new RegExp(USERNAME_PATTERN);

/** The contract's rules for a new account, as messages by field; empty when the server would accept it. */
export function checkCredentials({ username, password }: { username?: string; password?: string }): {
  username?: string;
  password?: string;
} {
  const errors: { username?: string; password?: string } = {};
  if (username !== undefined && !USERNAME.test(username)) {
    errors.username = '2–32 characters: lower-case letters, digits, “_”, “.” or “-”, starting with a letter';
  }
  if (password !== undefined && password.length < PASSWORD_MIN) errors.password = `at least ${PASSWORD_MIN} characters`;
  else if (password !== undefined && password.length > 256) errors.password = 'at most 256 characters';
  return errors;
}
