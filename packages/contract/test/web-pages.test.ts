import { describe, expect, it } from 'vitest';
import { isWebPage } from '../src/index.js';

describe('isWebPage', () => {
  it('knows every page of the app, deep links included, with or without a trailing slash', () => {
    for (const path of ['/', '/fleet', '/swarm', '/engines', '/engines/', '/networks/appnet', '/containers/web', '/login'])
      expect(isWebPage(path), path).toBe(true);
  });
  it('is not fooled by an asset, an API path or a page with more segments', () => {
    for (const path of ['/assets/index.js', '/api/health', '/fleetx', '/networks/a/b', '/networks/', '//', '/swarm/x'])
      expect(isWebPage(path), path).toBe(false);
  });
});
