import type { Activity } from '@bridgeboard/contract';

/** One short line for a change someone made: "alice connected web to appnet". */
export function activitySentence({ user, action, target }: Pick<Activity, 'user' | 'action' | 'target'>): string {
  const container = target.container ?? 'a container';
  switch (action) {
    case 'network.connect':
      return `${user} connected ${container} to ${target.network}`;
    case 'network.disconnect':
      return `${user} disconnected ${container} from ${target.network}`;
    case 'network.create':
      return `${user} created network ${target.network}`;
    case 'network.remove':
      return `${user} removed network ${target.network}`;
    case 'network.edit':
      return `${user} edited network ${target.network} (re-made, every container kept)`;
  }
}
