import type { LintCode } from './lints.js';

/** The article's reason behind each lint (`shared/seed/README.md`), and the ports the back-end heuristic knows. */

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
};

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
