import { describe, expect, it } from 'vitest';
import { targetOf } from './engine-event.js';

describe('targetOf', () => {
  it('reads a connect or disconnect as the container it names, with what it expects', () => {
    expect(targetOf({ Type: 'network', Action: 'connect', Actor: { ID: 'n1', Attributes: { container: 'c1' } } })).toEqual({
      kind: 'container',
      id: 'c1',
      expect: { network: 'n1', attached: true },
    });
    expect(targetOf({ Type: 'network', Action: 'disconnect', Actor: { ID: 'n1', Attributes: { container: 'c1' } } })).toMatchObject({
      expect: { attached: false },
    });
  });
  it('reads network create/destroy as the network, container lifecycle as the container', () => {
    expect(targetOf({ Type: 'network', Action: 'create', Actor: { ID: 'n1' } })).toEqual({ kind: 'network', id: 'n1' });
    expect(targetOf({ Type: 'container', Action: 'die', Actor: { ID: 'c1' } })).toEqual({ kind: 'container', id: 'c1' });
  });
  it('marks a destroy as gone: the object needs no read to be removed', () => {
    expect(targetOf({ Type: 'network', Action: 'destroy', Actor: { ID: 'n1' } })).toEqual({ kind: 'network', id: 'n1', gone: true });
    expect(targetOf({ Type: 'container', Action: 'destroy', Actor: { ID: 'c1' } })).toEqual({ kind: 'container', id: 'c1', gone: true });
  });
  it('ignores what cannot change the board', () => {
    expect(targetOf({ Type: 'container', Action: 'exec_start: sh', Actor: { ID: 'c1' } })).toBeNull();
    expect(targetOf({ Type: 'container', Action: 'health_status: healthy', Actor: { ID: 'c1' } })).toBeNull();
    expect(targetOf({ Type: 'image', Action: 'pull', Actor: { ID: 'x' } })).toBeNull();
    expect(targetOf({ Type: 'network', Action: 'connect', Actor: { ID: 'n1' } })).toBeNull();
  });
  it('reads a swarm service event as that service, any node event as the node list', () => {
    expect(targetOf({ Type: 'service', Action: 'update', Actor: { ID: 's1' } })).toEqual({ kind: 'service', id: 's1' });
    expect(targetOf({ Type: 'service', Action: 'remove', Actor: { ID: 's1' } })).toEqual({ kind: 'service', id: 's1' });
    expect(targetOf({ Type: 'node', Action: 'update', Actor: { ID: 'n2' } })).toEqual({ kind: 'nodes', id: '' });
  });
});
