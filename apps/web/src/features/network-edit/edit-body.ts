import type { NetworkCreateBody } from '@bridgeboard/contract';

type Options = NonNullable<NetworkCreateBody['options']>;

/** Options the form sends only when switched off, since on is the engine's default. */
const ON_BY_DEFAULT = ['icc', 'ipMasquerade'] as const satisfies readonly (keyof Options)[];

/**
 * The network as the edit asks for it: the form's body, with what the form drops because it is the
 * engine's default put back where the network states it explicitly. A network made with
 * `-o com.docker.network.bridge.enable_icc=true` left as it was must not read as a change (the
 * plan would list it, and the re-made network would lose the option).
 */
export function editBodyOf(body: NetworkCreateBody, original: NetworkCreateBody): NetworkCreateBody {
  const options: Options = { ...body.options };
  for (const key of ON_BY_DEFAULT) {
    if (options[key] === undefined && original.options?.[key] === true) options[key] = true;
  }
  const next: NetworkCreateBody = { ...body };
  if (Object.keys(options).length > 0) next.options = options;
  else delete next.options;
  return next;
}
