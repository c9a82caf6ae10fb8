import type { Fix, Lint, LintCode } from './lint-types.js';

/**
 * The reason behind each lint (the article's, `shared/seed/README.md`, where it has one; the
 * capacity lints' are the kernel's and the engine's), what to do where the board has no one-click
 * fix, and the ports the back-end heuristic knows. The order of WHY is the order of lints of one severity.
 */

export const WHY: Record<LintCode, string> = {
  'default-bridge':
    'On the default bridge containers cannot resolve each other by name and every container on it can talk to every other; a user-defined network gives DNS by name and isolates the group (article 1.1, 1.2).',
  'legacy-link':
    '--link is legacy: links work one way only, must be made in both directions, share environment variables and grow complex past two containers; on a user-defined network every container reaches the others by name (article 1.2, 1.5).',
  'backend-published':
    "The article's web/db example: the front end reaches the database over the user-defined network, so only the front end needs to publish a port, and a published back-end port is open to the host's clients too. Unpublishing needs the container re-created without -p (Bridgeboard flags a well-known database/cache/queue port on a container that shares a user-defined network with a container which itself publishes).",
  'host-mode':
    "In host mode the container has no network namespace: it uses the host's stack, can bind low ports, reach local services such as D-Bus and even reboot the host; use it with great care (article 2).",
  'host-privileged':
    "Host mode already puts the container on the host's own stack; --privileged on top lets it reconfigure that stack, which the article singles out for even greater care (article 2).",
  'empty-network':
    'A user-defined network with no containers only holds a subnet and a host bridge; create it again when a group of applications needs it (article 1.4).',
  'overlapping-subnets':
    'Two networks whose subnets overlap give the host two routes to the same addresses, so traffic meant for one bridge can land on the other; each user-defined bridge is its own network and should have its own range (article 1.4, 2).',
  'route-overlap':
    "A subnet that overlaps one of the host's own routes gives the host two ways to the same addresses and the more specific one wins: either the host's traffic to them goes to the containers, or the containers cannot reach that part of the host's network.",
  'address-pools':
    'A network made without --subnet takes the next free subnet of the engine\'s default address pools; when none is left, `docker network create` fails with "could not find an available, non-overlapping IPv4 address pool". Docker\'s stock pools hold 31 subnets: 172.17.0.0/16 to 172.31.0.0/16, and 192.168.0.0/16 in /20s.',
  'bridge-ports':
    'Every container on a bridge network takes one port of its Linux bridge, and the kernel caps a bridge at 1,024 ports (BR_MAX_PORTS), about 1,023 for containers: past that, connecting or starting one more container on the network fails.',
  mtu: "A packet larger than the smallest MTU on its path is fragmented, or dropped when it may not be fragmented or travels inside an overlay's VXLAN, which adds 50 bytes: small requests work while large transfers hang.",
};

/** What to do, for the lints the board cannot fix in one click. */
export const ADVICE: Partial<Record<LintCode, string>> = {
  'route-overlap': 'Re-create (or edit) the network with a --subnet the host does not route.',
  'address-pools':
    'Give the engine larger pools in /etc/docker/daemon.json and restart it, e.g. "default-address-pools": [{"base": "10.0.0.0/8", "size": 24}] (65,536 networks of 254 addresses), or create new networks with an explicit --subnet.',
  'bridge-ports':
    'Split the containers over more networks: create another network and move part of them onto it (a container can be on both while it moves).',
  mtu: 'Set an MTU that fits: -o com.docker.network.driver.mtu=<the uplink\'s MTU> (on an overlay that option is the uplink\'s MTU: its containers get 50 bytes less), "mtu" in daemon.json for the default bridge; for a mismatch, give the bridge the MTU its overlay gives containers.',
};

/** A lint with its code's reason and advice. */
export function lint(
  code: LintCode,
  severity: Lint['severity'],
  message: string,
  containers: string[],
  networks: string[],
  fix: Fix | null = null,
): Lint {
  return { code, severity, message, why: WHY[code], advice: ADVICE[code] ?? null, containers, networks, fix };
}

/** Well-known ports of services that are normally back ends; the heuristic's only source of "role". */
export const BACK_END_PORTS: Record<number, string> = {
  1433: 'SQL Server',
  1521: 'Oracle',
  2181: 'ZooKeeper',
  2379: 'etcd',
  3306: 'MySQL/MariaDB',
  4222: 'NATS',
  5432: 'PostgreSQL',
  5672: 'RabbitMQ',
  5984: 'CouchDB',
  6379: 'Redis',
  8086: 'InfluxDB',
  9042: 'Cassandra',
  9092: 'Kafka',
  9200: 'Elasticsearch',
  11211: 'memcached',
  26257: 'CockroachDB',
  27017: 'MongoDB',
};
