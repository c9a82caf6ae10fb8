import type { OidcErrorCode } from '@bridgeboard/contract';

/**
 * Why a single sign-on was refused (the codes, with what each means, are the contract's
 * `OIDC_ERROR_CODES`). `code` goes to the browser (`/login?error=<code>`), short and
 * fixed, so the sign-in page can say it in words and nothing the provider sent is echoed into a
 * URL; `message` goes to the audit trail and the log.
 */
export type OidcRefusalCode = OidcErrorCode;

export class OidcRefusal extends Error {
  constructor(
    readonly code: OidcRefusalCode,
    message: string,
    /** Set once the provider has vouched for the user: the trail names them. */
    readonly username: string | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'OidcRefusal';
  }
}
