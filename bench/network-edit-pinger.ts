/**
 * The packet view of an edit (bench/network-edit.ts): one container on the edited network pings
 * its gateway every 20 ms while the edit runs, so that the server's own offline times are checked
 * by what a container saw. Each reply is stamped inside the container by busybox `ts` (epoch, µs),
 * on the host's clock, so a busy engine cannot shift the stamps the way it could delay a stream
 * read through it.
 */
import { cli } from './snapshot.js';

/** `ping -i 0.02`: busybox allows it, as the containers run as root. */
export const PING_INTERVAL_MS = 20;
const LOG = '/tmp/bbbench-ping.log';
const PID = '/tmp/bbbench-ping.pid';
const STOP = '/tmp/bbbench-ping.stop';
const DONE = '/tmp/bbbench-ping.done';

/**
 * busybox ping exits at the first failed send (ENETUNREACH once the container's interface on the
 * network is gone), so a loop starts it again until the stop file appears. Its pid is kept so that
 * the stop ends exactly that ping. `ts` stamps each line as it reads it (ping flushes every line);
 * its own output is buffered, so the log is whole only once `DONE` exists.
 */
const loop = (gateway: string) =>
  `while [ ! -e ${STOP} ]; do ping -i ${PING_INTERVAL_MS / 1000} ${gateway} 2>&1 & echo $! > ${PID}; wait $!; sleep 0.02; done` +
  ` | ts '%.s' > ${LOG}; touch ${DONE}`;

/** Kills the current ping until the loop has noticed the stop file (a ping started meanwhile is killed on the next turn), then prints the log. */
const stopAndRead = `touch ${STOP}; while [ ! -e ${DONE} ]; do kill $(cat ${PID}) 2>/dev/null; sleep 0.05; done; cat ${LOG}`;

export interface Pinger {
  /** Stops the loop; returns when each reply arrived (epoch ms). */
  stop: () => Promise<number[]>;
}

/** Starts pinging `gateway` from `container` (after one ping that must answer: the loop is not measured blind). */
export async function startPinger(container: string, gateway: string): Promise<Pinger> {
  await cli(['exec', container, 'ping', '-c', '1', '-W', '2', gateway]);
  await cli(['exec', '-d', container, 'sh', '-c', loop(gateway)]);
  return {
    stop: async () => {
      const log = await cli(['exec', container, 'sh', '-c', stopAndRead]);
      return log
        .split('\n')
        .filter((line) => line.includes(' bytes from '))
        .map((line) => Number(line.split(' ')[0]) * 1000);
    },
  };
}

/**
 * The longest time between two consecutive replies around [from, to] (epoch ms): how long the
 * container could not reach its gateway, to within one interval (a quiet line shows ~20). NaN
 * when no reply came after `to`: the pinger never saw the network back.
 */
export function longestSilence(replies: readonly number[], from: number, to: number): number {
  if (!replies.some((at) => at > to)) return Number.NaN;
  // The last reply before the edit, and every one until the first after it.
  const start = replies.findLastIndex((at) => at <= from);
  const end = replies.findIndex((at) => at > to);
  let longest = 0;
  for (let i = Math.max(1, start); i <= end; i++) longest = Math.max(longest, (replies[i] ?? 0) - (replies[i - 1] ?? 0));
  return longest;
}
