import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { toast } from '../../lib/toast';
import type { Activity } from '@bridgeboard/contract';
import type { Topology } from '@bridgeboard/topology';
import { socket } from '../../lib/socket';
import { topologyKeys } from '../topology/topology-keys';
import { activitySentence } from './activity-sentence';
import { activityTarget } from './activity-target';

/**
 * A short toast for every change anyone makes, this user included (the toast confirms a drag that
 * worked). Targets are shown by name; an id the server passed through is named from the board.
 */
export function useActivityToasts(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onActivity = (activity: Activity) => {
      const target = activityTarget(queryClient.getQueryData<Topology>(topologyKeys.snapshot(activity.engine)), activity.target);
      toast(activitySentence({ ...activity, target }), {
        id: `activity:${activity.at}:${activity.action}:${target.network}:${target.container ?? ''}`,
      });
    };
    socket.on('activity', onActivity);
    return () => {
      socket.off('activity', onActivity);
    };
  }, [queryClient]);
}
