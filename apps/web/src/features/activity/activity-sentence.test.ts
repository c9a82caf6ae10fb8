import { describe, expect, it } from 'vitest';
import { activitySentence } from './activity-sentence';

describe('activitySentence', () => {
  it('says who connected what where', () => {
    expect(activitySentence({ user: 'alice', action: 'network.connect', target: { network: 'appnet', container: 'web' } })).toBe(
      'alice connected web to appnet',
    );
    expect(activitySentence({ user: 'bob', action: 'network.disconnect', target: { network: 'appnet', container: 'db' } })).toBe(
      'bob disconnected db from appnet',
    );
  });
  it('says who created and removed networks', () => {
    expect(activitySentence({ user: 'alice', action: 'network.create', target: { network: 'appnet' } })).toBe(
      'alice created network appnet',
    );
    expect(activitySentence({ user: 'alice', action: 'network.remove', target: { network: 'appnet' } })).toBe(
      'alice removed network appnet',
    );
    expect(activitySentence({ user: 'alice', action: 'network.edit', target: { network: 'appnet' } })).toBe(
      'alice edited network appnet (re-made, every container kept)',
    );
  });
  it('still reads when the container is missing', () => {
    expect(activitySentence({ user: 'carol', action: 'network.connect', target: { network: 'n' } })).toBe(
      'carol connected a container to n',
    );
  });
});
