import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorResponse,
  MutationErrors,
  NetworkEditBody,
  NetworkEditFailure,
  NetworkEditPlanSchema,
  NetworkEditReport,
  NetworkParams,
  type NetworkEditProgress,
} from '@bridgeboard/contract';
import { engineRoom } from '../../../../plugins/realtime.js';
import { assertMayCreate } from '../../../../services/networks.js';
import { applyEdit, planEdit } from '../../../../services/network-edit.js';
import { networkAndItsEdit } from '../network-targets.js';

/** Editing a network: a plan anyone may read, applied by an operator of the engine (the network is re-made). */
const edit: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/:id/edit/plan',
    {
      config: { role: 'viewer', selfService: 'changes nothing: a POST only because the edit is described with a body' },
      schema: {
        operationId: 'planNetworkEdit',
        summary: 'Plan an edit of a network: every step, what each endpoint keeps, who loses connectivity (changes nothing)',
        params: NetworkParams,
        body: NetworkEditBody,
        response: { 200: NetworkEditPlanSchema, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => planEdit(request.engine, request.params.id, request.body),
  );

  app.post(
    '/:id/edit',
    {
      config: { role: 'operator', audit: 'network.edit', networks: networkAndItsEdit },
      schema: {
        operationId: 'applyNetworkEdit',
        summary: 'Apply a reviewed edit plan; any failure or difference puts everything back',
        params: NetworkParams,
        body: NetworkEditBody,
        response: { 200: NetworkEditReport, ...MutationErrors, 409: NetworkEditFailure, 502: NetworkEditFailure },
      },
    },
    async (request) => {
      const { engine, principal } = request;
      // Options that act on the host itself need an admin, as when the network is created.
      await assertMayCreate(engine, request.body.network, request.access?.role ?? 'viewer');
      const user = principal?.username ?? 'unknown';
      request.auditTarget = { network: request.params.id };
      const tell = (p: Omit<NetworkEditProgress, 'engine' | 'user'>) =>
        app.io.to(engineRoom(engine.id)).emit('networkEdit', { ...p, engine: engine.id, user });
      const report = await applyEdit(engine, request.params.id, request.body, tell, { probes: app.settings.get().probesEnabled });
      request.auditTarget = { network: report.network };
      const longest = Math.max(0, ...report.offlineMs.map((o) => o.ms));
      request.auditDetail = { outcome: 'kept', steps: report.steps.length, longestOfflineMs: longest };
      return report;
    },
  );
};

export default edit;
