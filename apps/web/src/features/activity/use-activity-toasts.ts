import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { toast } from 'sonner';
import type { Activity } from '@bridgeboard/contract';
import type { Topology } from '@bridgeboard/topology';
import { socket } from '../../lib/socket';
import { topologyKeys } from '../topology/topology-keys';
import { activitySentence } from './activity-sentence';

/**
 * A short toast for every change anyone makes, this user included (the toast confirms a drag that
 * worked). Targets are shown by name; an id the server passed through is named from the board.
 */
export function useActivityToasts(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onActivity = (activity: Activity) => {
      const t = queryClient.getQueryData<Topology>(topologyKeys.snapshot());
      const network = t?.networks[activity.target.network]?.name ?? activity.target.network;
      const container = activity.target.container && (t?.containers[activity.target.container]?.name ?? activity.target.container);
      const target = container ? { network, container } : { network };
      toast(activitySentence({ ...activity, target }), { id: `activity:${activity.at}:${activity.action}:${network}:${container ?? ''}` });
    };
    socket.on('activity', onActivity);
    return () => {
      socket.off('activity', onActivity);
    };
  }, [queryClient]);
}
