// Which embedded engine for the corpus store (issue 13): better-sqlite3 12 against PGlite 0.5, over the same rows
// (one JSON row per article of a folder, about what the store keeps): create, write all in one transaction, close,
// open again, read all, and the process's resident memory. PGlite is not a dependency; to rerun:
//   npm install --no-save @electric-sql/pglite@0.5.17
//   node bench/store-engines.mjs sqlite DIR; node bench/store-engines.mjs pglite DIR
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const dir = process.argv[3] ?? 'data/articles';
const work = mkdtempSync(join(tmpdir(), 'newsroom-engines-'));
const rows = readdirSync(dir).map((f) => ({
  id: f,
  body: JSON.stringify({ paragraphs: readFileSync(`${dir}/${f}`, 'utf8').split('\n'), quotes: [] }),
}));
const t = () => performance.now();
const mem = () => Math.round(process.memoryUsage().rss / 1e6);
const which = process.argv[2];
if (which === 'sqlite') {
  rmSync(join(work, 's.db'), { force: true });
  let a = t();
  let db = new Database(join(work, 's.db'));
  db.pragma('journal_mode = WAL');
  db.exec('create table a (id text primary key, body text)');
  const ins = db.prepare('insert into a values (?, ?)');
  db.transaction(() => {
    for (const r of rows) ins.run(r.id, r.body);
  })();
  const w = t() - a;
  db.close();
  a = t();
  db = new Database(join(work, 's.db'));
  const o = t() - a;
  a = t();
  const all = db.prepare('select * from a').all();
  const r = t() - a;
  console.log(
    JSON.stringify({
      engine: 'better-sqlite3',
      write_ms: Math.round(w),
      open_ms: Math.round(o),
      read_all_ms: Math.round(r),
      rows: all.length,
      rss_mb: mem(),
    }),
  );
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  rmSync(join(work, 'pg'), { recursive: true, force: true });
  let a = t();
  let db = new PGlite(join(work, 'pg'));
  await db.waitReady;
  const create = t() - a;
  await db.exec('create table a (id text primary key, body jsonb)');
  a = t();
  await db.transaction(async (tx) => {
    for (const r of rows) await tx.query('insert into a values ($1, $2)', [r.id, r.body]);
  });
  const w = t() - a;
  await db.close();
  a = t();
  db = new PGlite(join(work, 'pg'));
  await db.waitReady;
  const o = t() - a;
  a = t();
  const all = await db.query('select * from a');
  const r = t() - a;
  console.log(
    JSON.stringify({
      engine: 'pglite',
      create_ms: Math.round(create),
      write_ms: Math.round(w),
      open_ms: Math.round(o),
      read_all_ms: Math.round(r),
      rows: all.rows.length,
      rss_mb: mem(),
    }),
  );
  await db.close();
}
rmSync(work, { recursive: true, force: true });
