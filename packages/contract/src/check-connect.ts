import { Value } from 'typebox/value';
import { ConnectBody } from './connection.js';
import { validateStaticAddress, type FieldError } from './validate-network.js';

/**
 * Every rule the server applies to a connect, for the web's dialog: the schema (alias shape and
 * count, address formats), then the addresses against the network's subnets.
 */
export function checkConnect(body: unknown, subnets: readonly string[]): FieldError[] {
  const schemaErrors = [...Value.Errors(ConnectBody, body)]
    .filter((e) => e.keyword !== 'additionalProperties')
    .map((e) => ({ field: e.instancePath.split('/').filter(Boolean).join('.') || 'body', message: e.message }));
  if (schemaErrors.length > 0) return schemaErrors;
  const b = body as ConnectBody;
  return (['ipv4Address', 'ipv6Address'] as const).flatMap((field) => {
    const address = b[field];
    const problem = address === undefined ? null : validateStaticAddress(field, address, subnets);
    return problem ? [problem] : [];
  });
}
