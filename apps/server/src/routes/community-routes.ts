/**
 * @module routes/community-routes — GET /api/calibration/:deviceId (community calibration of one catalog
 * device: robust aggregates of uploaded WebGPU bandwidth, llama.cpp decode η and efficiency, prefill
 * efficiency, and the WebGPU → llama.cpp ratios) and GET /api/llama-runs (the measured-speed leaderboard).
 */
import { BackendSchema, devices } from '@cliffbench/core';
import { Hono } from 'hono';
import type { CommunityRepository } from '../community-repository.js';
import { ApiError } from '../http/api-error.js';

const MAX_PAGE_SIZE = 200;

export function communityRoutes(repo: CommunityRepository): Hono {
  const routes = new Hono();

  routes.get('/calibration/:deviceId', async (c) => {
    const deviceId = c.req.param('deviceId');
    if (!devices.some((d) => d.id === deviceId)) {
      throw new ApiError(404, 'not-found', 'No catalog device has this id (see GET /api/devices or core).');
    }
    return c.json(await repo.calibration(deviceId));
  });

  routes.get('/llama-runs', async (c) => {
    const q = (k: string) => c.req.query(k)?.slice(0, 200) || undefined;
    const limitText = q('limit');
    const limit = limitText === undefined ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new ApiError(400, 'invalid-query', `limit must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
    }
    const backend = q('backend');
    if (backend !== undefined && !BackendSchema.safeParse(backend).success) {
      throw new ApiError(
        400,
        'invalid-query',
        `backend must be one of: ${BackendSchema.options.join(', ')}.`,
      );
    }
    const buildText = q('build');
    const minBuild = buildText === undefined ? undefined : Number(buildText);
    if (minBuild !== undefined && !(Number.isInteger(minBuild) && minBuild >= 0)) {
      throw new ApiError(400, 'invalid-query', 'build must be a llama.cpp build number (an integer ≥ 0).');
    }
    const kind = q('kind');
    if (kind !== undefined && kind !== 'tg' && kind !== 'pp') {
      throw new ApiError(400, 'invalid-query', 'kind must be tg (decode) or pp (prefill).');
    }
    const device = q('device');
    const model = q('model');
    const rows = await repo.leaderboard({
      limit,
      ...(device ? { device } : {}),
      ...(backend ? { backend } : {}),
      ...(model ? { model } : {}),
      ...(minBuild !== undefined ? { minBuild } : {}),
      ...(kind ? { kind } : {}),
    });
    return c.json({ items: rows });
  });

  return routes;
}
