import type { FastifyRequest } from 'fastify';
import type { NetworkTarget } from '../../../plugins/auth.js';

/**
 * What each route of networks acts on (its `config.networks`), for grants on networks. Read by the
 * guard before the body is validated, so every field is taken only when it has the right type: a
 * network with no name or labels is one no grant on networks covers, and the request is refused.
 */
const field = (source: unknown, key: string): unknown =>
  source !== null && typeof source === 'object' && !Array.isArray(source) ? (source as Record<string, unknown>)[key] : undefined;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const labelsOf = (value: unknown): Record<string, string> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : {};

const proposedBy = (body: unknown): NetworkTarget => ({
  proposed: { name: text(field(body, 'name')), labels: labelsOf(field(body, 'labels')) },
});

/** The network of the path's `:id`. */
export const networkOfPath = (request: FastifyRequest): NetworkTarget[] => [{ ref: text(field(request.params, 'id')) }];

/** The network a create body describes: the scope must cover its name or labels. */
export const networkOfBody = (request: FastifyRequest): NetworkTarget[] => [proposedBy(request.body)];

/** An edit acts on the network as it is and as it will be (a new name or labels must stay covered). */
export const networkAndItsEdit = (request: FastifyRequest): NetworkTarget[] => [
  ...networkOfPath(request),
  proposedBy(field(request.body, 'network')),
];

/**
 * A migration takes containers off a network (the default bridge when `from` is left out) onto a
 * new one, made with no labels. An unnamed new network gets a name the plan picks, which no grant
 * covers. A `from` that is there but no string names no network here: validation may yet coerce it
 * into one (`["db-net"]` becomes `"db-net"`), so it must not fall back to the default bridge.
 */
export const networksOfMigration = (request: FastifyRequest): NetworkTarget[] => {
  const from = field(request.body, 'from');
  return [
    { ref: from === undefined ? 'bridge' : text(from) },
    { proposed: { name: text(field(request.body, 'networkName')), labels: {} } },
  ];
};
