// Bookkeeping of the write workload (e). Responses of a write cannot prove the write (a target could
// answer and not commit), so the bench counts what each target was sent and what failed, and after
// every pass over the workloads (verification, warm-up, each round) compares that with the rows in
// the table, then deletes them: the next pass reads the seeded data that was verified, and the table
// does not grow from round to round (which would slow the read workloads down as the run goes on).
import { WRITE_PREFIX } from './workloads.mjs';

/**
 * `workload` is the one with `fresh` (see workloads.mjs). `params(target, p)` makes the parameters
 * of target's next request from the picked parameters `p`: one counter per target, so every target
 * writes the same sequence of (title, author) and no title twice.
 */
export function createWrites(workload, targets) {
  // `checked`: sent − failed at the last check, i.e. the rows that were there and were removed.
  const count = Object.fromEntries(targets.map((t) => [t, { sent: 0, failed: 0, checked: 0 }]));
  return {
    workload,
    params(target, p) {
      return workload.fresh(target, count[target].sent++, p);
    },
    /** Requests of `target` that returned an error: they must not have written anything. */
    failed(target, n) {
      count[target].failed += n;
    },
    /**
     * Checks that every answered request of the `checked` targets left exactly one row, unpublished,
     * recently created, with the author its title names; then deletes all written rows. Returns the
     * problems found (empty: all good) and the rows per target.
     */
    async checkAndRemove(db, schema, checked) {
      const post = `"${schema}"."Post"`;
      const { rows } = await db.query(
        `SELECT substring(p.title from '^${WRITE_PREFIX}([a-z]+)-') AS target, count(*)::int AS rows, count(DISTINCT p.title)::int AS titles,
                count(*) FILTER (WHERE u.email = substring(p.title from ' for (.*)$') AND NOT p.published AND length(p.id) = 25
                                   AND abs(extract(epoch FROM p."createdAt" - (now() AT TIME ZONE 'UTC'))) < 900)::int AS good
         FROM ${post} p LEFT JOIN "${schema}"."User" u ON u.id = p.author
         WHERE starts_with(p.title, $1) GROUP BY 1`,
        [WRITE_PREFIX],
      );
      const found = Object.fromEntries(rows.map((r) => [r.target, r]));
      const problems = [];
      const written = {};
      for (const t of checked) {
        const c = count[t];
        const expected = c.sent - c.failed - c.checked;
        const f = found[t] ?? { rows: 0, titles: 0, good: 0 };
        if (f.rows !== expected) problems.push(`${t}: ${f.rows} rows written since the last check, expected ${expected} (the requests answered without error)`);
        if (f.titles !== f.rows) problems.push(`${t}: ${f.rows - f.titles} titles written twice`);
        if (f.good !== f.rows) problems.push(`${t}: ${f.rows - f.good} rows with the wrong author, published flag, id or createdAt`);
        written[t] = f.rows;
      }
      for (const c of Object.values(count)) c.checked = c.sent - c.failed;
      await db.query(`DELETE FROM ${post} WHERE starts_with(title, $1)`, [WRITE_PREFIX]);
      // As after seeding: dead rows gone and the visibility map complete, so count queries can use
      // index-only scans again.
      await db.query(`VACUUM (ANALYZE) ${post}`);
      return { problems, written };
    },
  };
}
