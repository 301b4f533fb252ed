WITH "p1" AS (SELECT "t0".*, row_number() OVER (ORDER BY "t0"."id" ASC) AS "__refract_row"
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  ORDER BY "t0"."id" ASC
  LIMIT $1) SELECT json_build_object('pageInfo'::text, json_build_object('hasNextPage'::text, (SELECT count(*)
  FROM "p1") > $2, 'hasPreviousPage'::text, false, 'startCursor'::text, (SELECT "p1"."id"::text
  FROM "p1"
  WHERE "p1"."__refract_row" <= $3
  ORDER BY "p1"."__refract_row" ASC
  LIMIT 1), 'endCursor'::text, (SELECT "p1"."id"::text
  FROM "p1"
  WHERE "p1"."__refract_row" <= $4
  ORDER BY "p1"."__refract_row" DESC
  LIMIT 1)), 'edges'::text, (SELECT coalesce(json_agg(json_build_object('cursor'::text, "p1"."id"::text, 'node'::text, json_build_object('id'::text, "p1"."id"))
  ORDER BY "p1"."__refract_row" ASC), '[]'::json)
  FROM "p1"
  WHERE "p1"."__refract_row" <= $5), 'aggregate'::text, json_build_object('count'::text, (SELECT count(*)
  FROM (SELECT 1
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  LIMIT $6) AS "n2")))::text AS result
-- values: [3,2,2,2,2,2]
