// Which published ports belong to services that should only be reachable from the host itself: datastores,
// message brokers' admin interfaces, runtime APIs and debuggers. Decided by container port and by image.
import type { ComposeFile, ComposeService } from './model';
import { scalarOf, setting } from './service';

export const LOCAL_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, 'PostgreSQL'], [3306, 'MySQL'], [33060, 'MySQL X'], [1433, 'SQL Server'], [1521, 'Oracle'], [27017, 'MongoDB'], [27018, 'MongoDB'],
  [6379, 'Redis'], [11211, 'Memcached'], [9200, 'Elasticsearch'], [9300, 'Elasticsearch transport'], [5984, 'CouchDB'], [9042, 'Cassandra'],
  [8086, 'InfluxDB'], [2379, 'etcd'], [2380, 'etcd peer'], [2181, 'ZooKeeper'], [5672, 'AMQP'], [15672, 'RabbitMQ management'], [7474, 'Neo4j'],
  [7687, 'Neo4j Bolt'], [8529, 'ArangoDB'], [28015, 'RethinkDB'], [26257, 'CockroachDB'], [8500, 'Consul'], [2375, 'Docker API'], [2376, 'Docker API'],
  [5005, 'Java debugger'], [9229, 'Node.js inspector'], [5678, 'debugpy'], [2345, 'Delve debugger'], [1099, 'JMX'], [6060, 'Go pprof'],
]);

/** Images of datastores, whose every published port is a datastore port. */
const DATASTORE_IMAGE = /(^|\/)(postgres|postgis|mysql|mariadb|mongo|redis|valkey|memcached|elasticsearch|opensearch|cassandra|couchdb|couchbase|influxdb|neo4j|etcd|zookeeper|mssql-server|rethinkdb|cockroach|clickhouse-server|timescaledb|keydb|dragonfly)(:|@|$)/i;

/** Why a published port should stay local, or undefined. */
export function localReason(compose: ComposeFile, service: ComposeService, target: number): string | undefined {
  const known = LOCAL_PORTS.get(target);
  if (known) return known;
  const image = scalarOf(compose, setting(service, 'image')?.value);
  const m = image ? DATASTORE_IMAGE.exec(image.replace(/^[^/]*\.[^/]*\//, '')) : undefined;
  return m ? `${m[2]} image` : undefined;
}
