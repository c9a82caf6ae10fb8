/**
 * Strict shapes for anything that reaches the engine in a URL or body. Checked before any engine
 * call, so `../x`, `a/b` or `%2F` never become part of a Docker API path.
 */

/** Docker's own rule for container names (`[a-zA-Z0-9][a-zA-Z0-9_.-]+`), bounded; ids match it too. */
export const NAME_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9_.-]*$';
export const NAME_MAX = 128;

/** A Linux interface name: at most 15 bytes (IFNAMSIZ - 1), no slash or space. */
export const IFNAME_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,14}$';

/** Label keys in Docker's reverse-DNS style; values are free text. */
export const LABEL_KEY_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9_./-]{0,127}$';

/** Names the engine keeps for itself. */
export const RESERVED_NETWORK_NAMES: readonly string[] = ['bridge', 'host', 'none'];
