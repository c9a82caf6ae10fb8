/**
 * The project's own errors. Operations throw these, with a message a user can act on;
 * plugins/error-handler.ts maps them to HTTP, once. They carry no HTTP themselves, so the same
 * operation can be called from a route, the CLI or a socket handler.
 */
export type Problem =
  /** The request is wrong: a field, a value, a combination (400). */
  | 'invalid'
  /** The caller may not do this (403). */
  | 'forbidden'
  /** What the request names does not exist (404). */
  | 'not-found'
  /** Not in this state: already exists, changed since, busy (409). */
  | 'conflict'
  /** The engine went away before the outcome could be read (503). */
  | 'unavailable';

export class BridgeboardError extends Error {
  constructor(
    readonly problem: Problem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'BridgeboardError';
  }
}

/**
 * A change of several engine steps failed part-way. `message` says which step failed and what was
 * undone; `cause` is the step's own error (an engine refusal keeps its status through the handler).
 */
export class StepsFailedError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'StepsFailedError';
  }
}

export const STATUS_OF: Record<Problem, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
};

/**
 * A change of several steps that failed and was put back (`undone`), or could not be: `report`
 * says step by step what ran, what was undone and why (a network edit's NetworkEditReport). The
 * answer carries it beside the message (409 when put back, 502 when the engine is left between).
 */
export class RolledBackError extends Error {
  constructor(
    message: string,
    readonly report: unknown,
    readonly undone: boolean,
  ) {
    super(message);
    this.name = 'RolledBackError';
  }
}
