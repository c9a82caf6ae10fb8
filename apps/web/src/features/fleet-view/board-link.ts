/**
 * A link to one engine's board with one object selected (`/networks/:name`, `/containers/:name`).
 * It always names the engine, the default one too: without `?engine=` the board shows the engine
 * this tab showed last (see useEngineId), which from this page may be any other.
 */
export function boardLink(engine: string, target: { kind: 'network' | 'container'; name: string }): string {
  const path = target.kind === 'network' ? 'networks' : 'containers';
  return `/${path}/${encodeURIComponent(target.name)}?engine=${encodeURIComponent(engine)}`;
}
