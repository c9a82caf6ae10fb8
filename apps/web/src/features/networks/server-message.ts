import { ApiError } from '../../lib/api';

/** A request's failure as the form shows it: the server's own message, or why it could not be asked. */
export const serverMessage = (err: Error): string => (err instanceof ApiError ? err.message : `Could not reach the server: ${err.message}`);
