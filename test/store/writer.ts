/**
 * A process that writes many articles into a store and says which are stored, line by line, only after each
 * transaction commits: `stored PATH`. crash.test.ts kills it with SIGKILL part-way.
 * Usage: node --import tsx test/store/writer.ts DATA_DIR sqlite:FILE|postgres:URL
 */
import { PostgresStore } from '../../src/store/postgres.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { syncFolder } from '../../src/store/sync.ts';

const [dataDir, where] = process.argv.slice(2) as [string, string];
const store = where.startsWith('sqlite:')
  ? new SqliteStore(where.slice('sqlite:'.length))
  : new PostgresStore(where.slice('postgres:'.length), 'writer');
await store.migrate();
process.stdout.write('ready\n');
await syncFolder(store, dataDir, {
  batchSize: 7,
  onStored: (paths) => process.stdout.write(paths.map((p) => `stored ${p}\n`).join('')),
});
process.stdout.write('done\n');
await store.close();
