import type { Container } from './types.js';

/** Link aliases each chosen container needs on the new network so `--link` names keep resolving. */
export function linkAliases(chosen: Container[], all: Container[], warnings: string[]): Map<string, string[]> {
  const names = new Set(chosen.map((c) => c.name));
  const owner = new Map<string, string>(); // alias → the container that gets it
  const aliases = new Map<string, string[]>(chosen.map((c) => [c.name, []]));
  for (const from of all) {
    for (const link of from.links) {
      const inFrom = names.has(from.name);
      const inTo = names.has(link.container);
      if (inFrom !== inTo) {
        const outside = inFrom ? link.container : from.name;
        warnings.push(
          `'${from.name}' links to '${link.container}' as '${link.alias}' but '${outside}' is not migrated; that name keeps working only on the default bridge.`,
        );
      }
      if (!inFrom || !inTo || link.alias === link.container) continue;
      const holder = owner.get(link.alias) ?? (names.has(link.alias) ? link.alias : undefined);
      if (holder !== undefined && holder !== link.container) {
        warnings.push(
          `'${from.name}' reaches '${link.container}' as '${link.alias}', but '${link.alias}' is already ${holder === link.alias ? 'the name of' : 'an alias of'} '${holder}' on the new network; '${link.container}' does not get that alias.`,
        );
        continue;
      }
      owner.set(link.alias, link.container);
      const list = aliases.get(link.container) ?? [];
      if (!list.includes(link.alias)) list.push(link.alias);
    }
  }
  return aliases;
}
