// Seeds the deployed tables with set-based SQL (one INSERT … SELECT generate_series per table), so
// 410k rows take seconds rather than minutes of API calls. Everything is derived from the row
// number through md5/hashtext, so every run (and every scale) gets the same data.
//
// The data is shaped to exercise the ordering rules the three targets must agree on:
//   * names come from 30 × 30 first/last names, so many users share a name (ties broken by id);
//   * a user's posts come in pairs with the same createdAt (ties broken by id, after a DESC order);
//   * titles are 3 words out of 100, so one word is in roughly 3 % of the titles.

const FIRST = ['Ada', 'Alan', 'Anna', 'Ben', 'Carla', 'Chen', 'Dana', 'Emil', 'Eva', 'Farid', 'Grace', 'Hugo', 'Ines', 'Ivan', 'Jonas', 'Kim', 'Lea', 'Linus', 'Mara', 'Nils', 'Olga', 'Omar', 'Paula', 'Rosa', 'Sven', 'Tara', 'Uma', 'Vera', 'Yuki', 'Zoe'];
const LAST = ['Abbott', 'Baker', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Kowalski', 'Larsen', 'Meyer', 'Nakamura', 'Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Silva', 'Tanaka', 'Ueda', 'Vargas', 'Weber', 'Xu', 'Yilmaz', 'Zhang', 'Moreau', 'Lindqvist', 'Brennan'];
export const WORDS = [
  'anchor', 'beacon', 'canyon', 'dragon', 'ember', 'falcon', 'glacier', 'harbor', 'island', 'jungle',
  'kettle', 'lantern', 'meadow', 'nebula', 'orchard', 'pepper', 'quartz', 'rocket', 'saddle', 'tundra',
  'umbrella', 'velvet', 'walrus', 'xylophone', 'yonder', 'zephyr', 'bamboo', 'cobalt', 'dolphin', 'eclipse',
  'fjord', 'garnet', 'hazel', 'igloo', 'jasmine', 'kayak', 'lagoon', 'marble', 'nutmeg', 'oasis',
  'pebble', 'quiver', 'raven', 'sierra', 'thistle', 'uplink', 'vortex', 'willow', 'yarrow', 'zenith',
  'almond', 'blizzard', 'citadel', 'dune', 'estuary', 'fennel', 'geyser', 'hollow', 'indigo', 'juniper',
  'kelp', 'lichen', 'magnet', 'nectar', 'obsidian', 'prairie', 'quill', 'ripple', 'sparrow', 'timber',
  'utopia', 'valley', 'wharf', 'yodel', 'zigzag', 'acorn', 'bramble', 'cinder', 'drizzle', 'emerald',
  'fossil', 'gravel', 'hemlock', 'ivory', 'jigsaw', 'kindle', 'locust', 'mosaic', 'nomad', 'onyx',
  'pylon', 'quasar', 'rustle', 'summit', 'tornado', 'uproar', 'vapor', 'whisper', 'yeti', 'zircon',
];

/** Words searched by workload (c): ones that are not part of another word, so matches stay ~3 %. */
export const QUERY_WORDS = WORDS.filter((w) => !WORDS.some((other) => other !== w && other.includes(w))).filter((_, i) => i % 6 === 0);

export function counts(scale) {
  const users = Math.max(20, Math.round(10_000 * scale));
  return { users, posts: users * 10, comments: users * 30 };
}

/** Deterministic pseudo-random integer in [0, n) from a text key (hashtext is stable across runs). */
const pick = (key, n) => `mod(hashtext(${key})::bigint + 2147483648, ${n})`;
/** A 25-character cuid-shaped id: `c`, a model letter, the row number in hex (time-ordered, like cuid), md5 noise. */
const cuid = (letter, n) => `'c${letter}' || lpad(to_hex(${n}), 8, '0') || substr(md5('${letter}' || ${n}), 1, 15)`;

/**
 * Fills User, Post and Comment of `schema` and returns the timing. `db` is a pg client on the bench
 * database (a superuser is not needed).
 */
export async function seed(db, schema, scale) {
  const n = counts(scale);
  const t = (table) => `"${schema}"."${table}"`;
  const started = performance.now();
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO ${t('User')} (id, email, name)
     SELECT ${cuid('u', 'i')}, 'user' || i || '@bench.example',
            ($1::text[])[1 + ${pick(`'f' || i`, FIRST.length)}] || ' ' || ($2::text[])[1 + ${pick(`'l' || i`, LAST.length)}]
     FROM generate_series(0, $3 - 1) AS i`,
    [FIRST, LAST, n.users],
  );
  // Post p belongs to user p / 10; posts 2k and 2k+1 of a user share a timestamp.
  await db.query(
    `INSERT INTO ${t('Post')} (id, title, published, "createdAt", author)
     SELECT ${cuid('p', 'p')},
            w[1 + ${pick(`'a' || p`, WORDS.length)}] || ' ' || w[1 + ${pick(`'b' || p`, WORDS.length)}] || ' ' || w[1 + ${pick(`'c' || p`, WORDS.length)}],
            ${pick(`'pub' || p`, 2)} = 0,
            timestamp '2019-01-01' + ((p / 10) * 1440 + (p % 10) / 2 * 7) * interval '1 minute',
            ${cuid('u', 'p / 10')}
     FROM generate_series(0, $2 - 1) AS p, (SELECT $1::text[] AS w) AS words`,
    [WORDS, n.posts],
  );
  await db.query(
    `INSERT INTO ${t('Comment')} (id, text, post)
     SELECT ${cuid('m', 'c')}, 'comment ' || c || ' about ' || w[1 + ${pick(`'m' || c`, WORDS.length)}], ${cuid('p', 'c / 3')}
     FROM generate_series(0, $2 - 1) AS c, (SELECT $1::text[] AS w) AS words`,
    [WORDS, n.comments],
  );
  await db.query('COMMIT');
  const inserted = performance.now();
  // Prisma 1 creates no index on inline relation columns, and none on `name`. Every production
  // deployment adds these, and without them workload (b) is three sequential scans per request for
  // all three targets alike, i.e. a benchmark of PostgreSQL, not of the servers. Same indexes for all.
  await db.query(`CREATE INDEX "bench_Post_author" ON ${t('Post')} (author)`);
  await db.query(`CREATE INDEX "bench_Comment_post" ON ${t('Comment')} (post)`);
  await db.query(`CREATE INDEX "bench_User_name" ON ${t('User')} (name, id)`);
  // VACUUM as well as ANALYZE: fresh statistics, and a visibility map so counts can use index-only scans.
  await db.query(`VACUUM (ANALYZE) ${t('User')}, ${t('Post')}, ${t('Comment')}`);
  const done = performance.now();
  return { ...n, insertMs: inserted - started, indexMs: done - inserted, queryWords: QUERY_WORDS };
}
