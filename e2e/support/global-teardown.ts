/** After the run: the forwarders stop, the namespace goes, and so does everything named `bbe2e-…`. */
import { removeByPrefix } from './docker';
import { netnsEnabled, tearDownNetns } from './netns';

export default async function globalTeardown(): Promise<void> {
  try {
    if (netnsEnabled()) await tearDownNetns();
  } finally {
    await removeByPrefix();
  }
}
