import { describe, expect, it } from 'vitest';
import { inTransit, servicesInTransit, type SwarmService, type SwarmTask, type Topology } from '../src/index.js';
import { build } from './hand-built.js';

const task = (id: string, serviceId: string, state: string, desiredState: string): SwarmTask => ({
  id,
  serviceId,
  slot: 1,
  nodeId: 'n1',
  state,
  desiredState,
  containerId: null,
  addresses: [],
  error: null,
});

describe('inTransit', () => {
  it.each([
    ['starting', 'running', true],
    ['preparing', 'running', true],
    ['pending', 'running', true],
    ['running', 'running', false],
    ['failed', 'running', false],
    ['rejected', 'running', false],
    ['running', 'shutdown', true],
    ['shutdown', 'shutdown', false],
    ['complete', 'shutdown', false],
    ['running', 'remove', true],
  ])('a task %s that should be %s: %s', (state, desired, expected) => {
    expect(inTransit(task('t', 's', state, desired))).toBe(expected);
  });
});

describe('servicesInTransit', () => {
  it('names each service with a moving task once, and none whose tasks have settled or whose service is gone', () => {
    const base = build([]);
    const service = (id: string): SwarmService => ({
      id,
      name: id,
      image: 'busybox',
      mode: 'replicated',
      replicas: 2,
      endpointMode: 'vip',
      vips: [],
      ports: [],
      networks: [],
      labels: {},
    });
    const t: Topology = {
      ...base,
      services: { a: service('a'), b: service('b') },
      tasks: {
        a1: task('a1', 'a', 'starting', 'running'),
        a2: task('a2', 'a', 'assigned', 'running'),
        b1: task('b1', 'b', 'running', 'running'),
        gone: task('gone', 'removed-service', 'starting', 'running'),
        toString: task('toString', 'toString', 'starting', 'running'),
      },
    };
    expect(servicesInTransit(t)).toEqual(['a']);
  });
});
