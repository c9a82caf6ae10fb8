import { Value } from 'typebox/value';
import { NetworkCreateBody } from './network-create.js';
import { validateNetworkCreate, type FieldError } from './validate-network.js';

/** `/subnets/0/gateway` → `subnets[0].gateway`, the field paths the semantic rules use. */
function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/**
 * Every rule the server applies to a new network, schema and semantics, as field errors: the web
 * form runs this while the user types, so what it accepts is what the API accepts.
 */
export function checkNetworkCreate(body: unknown): FieldError[] {
  const schemaErrors = [...Value.Errors(NetworkCreateBody, body)]
    // TypeBox reports an unknown key twice: on the parent (`additionalProperties`) and on the key
    // itself (`boolean`, "schema is false"); the second names the field, so keep that one.
    .filter((e) => e.keyword !== 'additionalProperties')
    .map((e) => {
      const field = fieldPath(e.instancePath) || 'body';
      const key = e.instancePath.split('/').at(-1) ?? '';
      return { field, message: e.keyword === 'boolean' ? `'${key}' is not an allowed field or key here` : e.message };
    });
  if (schemaErrors.length > 0) return schemaErrors;
  return validateNetworkCreate(body as NetworkCreateBody);
}
