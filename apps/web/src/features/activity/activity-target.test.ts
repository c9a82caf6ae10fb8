import { describe, expect, it } from 'vitest';
import { fromEngine, type EngineContainer, type EngineNetwork } from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/reachability-1.41.json';
import { activitySentence } from './activity-sentence';
import { activityTarget } from './activity-target';

const fx = fixture as unknown as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
const t = fromEngine(fx.networksList, fx.containersInspect);
const network = (name: string) => Object.values(t.networks).find((n) => n.name === name);
const container = (name: string) => Object.values(t.containers).find((c) => c.name === name);

describe('activityTarget', () => {
  it('names an id the server passed through from the board', () => {
    const back = network('bbreach-back');
    const db = container('bbreach-db');
    expect(activityTarget(t, { network: back?.id ?? '', container: db?.id ?? '' })).toEqual({
      network: 'bbreach-back',
      container: 'bbreach-db',
    });
  });

  it('keeps a name as it is, on the board or not (a removed network is gone by the time its toast shows)', () => {
    expect(activityTarget(t, { network: 'bbreach-back', container: 'bbreach-db' })).toEqual({
      network: 'bbreach-back',
      container: 'bbreach-db',
    });
    expect(activityTarget(t, { network: 'gone-net' })).toEqual({ network: 'gone-net' });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'toasts a network and a container named %s by that name',
    (name) => {
      const target = activityTarget(t, { network: name, container: name });
      expect(target).toEqual({ network: name, container: name });
      expect(activitySentence({ user: 'alice', action: 'network.connect', target })).toBe(`alice connected ${name} to ${name}`);
      expect(activitySentence({ user: 'alice', action: 'network.remove', target: activityTarget(t, { network: name }) })).toBe(
        `alice removed network ${name}`,
      );
    },
  );

  it('does not rename a network whose name looks like the start of another one’s id', () => {
    // Names like `cafe` or `db` are hex: read as an id prefix (the CLI's rule), the removed
    // network would be toasted under the name of whichever network's id starts that way.
    const other = network('bbreach-back');
    const prefix = other?.id.slice(0, 8) ?? '';
    expect(Object.values(t.networks).filter((n) => n.id.startsWith(prefix))).toHaveLength(1);
    expect(activityTarget(t, { network: prefix })).toEqual({ network: prefix });
  });

  it('leaves the target as sent before the board has loaded', () => {
    expect(activityTarget(undefined, { network: 'n', container: 'c' })).toEqual({ network: 'n', container: 'c' });
  });
});
