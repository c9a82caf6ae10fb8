export * from './types.js';
export type * from './engine-types.js';
export { fromEngine, networkFromEngine, containerFromEngine, containerWithEndpoints, isDefaultBridge, hasDns } from './from-engine.js';
export { diff } from './diff.js';
export { apply } from './apply.js';
export { putNetwork, removeNetwork, putContainer, removeContainer } from './update.js';
export { findNetwork, findContainer, findEndpoint, endpointsOfNetwork, endpointsOfContainer } from './lookup.js';
export { connectRefusal, isStackMode } from './rules.js';
export { receivePatch, type Received } from './receive.js';
