export * from './types.js';
export type * from './engine-types.js';
export { fromEngine, networkFromEngine, containerFromEngine, containerWithEndpoints, isDefaultBridge, hasDns } from './from-engine.js';
export { diff } from './diff.js';
export { apply } from './apply.js';
export { putNetwork, removeNetwork, putContainer, removeContainer } from './update.js';
export { own, findNetwork, findContainer, findEndpoint, endpointsOfNetwork, endpointsOfContainer } from './lookup.js';
export { connectRefusal, isStackMode } from './rules.js';
export { receivePatch, type Received } from './receive.js';
export { exposure, directNetworks, allowsIcc, publishesToEveryone, type ExposedPort } from './exposure.js';
export { lints, type Lint, type LintCode, type Fix } from './lints.js';
export { exportCommands, exportCompose, type ExportSelection } from './export.js';
export { planMigration, stepCommand, type MigrationPlan, type MigrationStep, type MigrationOptions } from './migration-plan.js';
export { expandLinkedGroup } from './link-groups.js';
export { shellQuote, createCommand, type NetworkSpec } from './network-commands.js';
export { subnetsOverlap, freeSubnet } from './subnets.js';
export { reachability, type ReachPair, type ReachReason } from './reachability.js';
export { nodeFromEngine, serviceFromEngine, taskFromEngine, membersFromVerbose } from './from-swarm.js';
export {
  swarmFromEngine,
  putNodes,
  putService,
  putTasks,
  putMembers,
  putGatewayEndpoints,
  isSwarmScoped,
  swarmRole,
  selfNode,
  nodeAt,
  overlaySpan,
  overlaySpans,
  type OverlaySpan,
  serviceOf,
  swarmExposure,
  type SwarmLists,
  type SwarmPublishedPort,
} from './swarm.js';
export { acrossNodes } from './across-nodes.js';
export { inTransit, servicesInTransit } from './task-settling.js';
export type * from './network-edit/edit-types.js';
export { planNetworkEdit, specOfNetwork, editStepCommand } from './network-edit/plan-edit.js';
export { ownAliases } from './network-edit/endpoint-keep.js';
