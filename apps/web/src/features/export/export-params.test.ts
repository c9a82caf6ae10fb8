import { createQuerySerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { exportQuery } from './export-params';

// The client's own serializer (the default one): what the API's querystring schema receives.
const serialize = createQuerySerializer();

describe('exportQuery', () => {
  it('sends each selected name as a repeated key', () => {
    expect(serialize(exportQuery('compose', { networks: ['front', 'back end'], containers: ['web'] }))).toBe(
      'format=compose&networks=front&networks=back%20end&containers=web',
    );
  });
  it('leaves out an unset or empty selection', () => {
    expect(serialize(exportQuery('commands', undefined))).toBe('format=commands');
    expect(serialize(exportQuery('commands', { networks: [] }))).toBe('format=commands');
  });
});
