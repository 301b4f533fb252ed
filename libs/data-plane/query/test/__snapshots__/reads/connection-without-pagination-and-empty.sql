WITH "p1" AS (SELECT "t0".*, row_number() OVER (ORDER BY "t0"."id" ASC) AS "__refract_row"
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  ORDER BY "t0"."id" ASC) SELECT json_build_object('pageInfo'::text, json_build_object('hasNextPage'::text, false, 'hasPreviousPage'::text, false, 'startCursor'::text, (SELECT "p1"."id"::text
  FROM "p1"
  WHERE true
  ORDER BY "p1"."__refract_row" ASC
  LIMIT 1), 'endCursor'::text, (SELECT "p1"."id"::text
  FROM "p1"
  WHERE true
  ORDER BY "p1"."__refract_row" DESC
  LIMIT 1)), 'aggregate'::text, json_build_object('count'::text, (SELECT count(*)
  FROM "fixture$reads"."User" AS "t0"
  WHERE true)))::text AS result
-- values: []

WITH "p1" AS (SELECT "t0".*, row_number() OVER (ORDER BY "t0"."id" ASC) AS "__refract_row"
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."name" = $1::text
  ORDER BY "t0"."id" ASC) SELECT json_build_object('pageInfo'::text, json_build_object('hasNextPage'::text, false, 'hasPreviousPage'::text, false, 'startCursor'::text, (SELECT "p1"."id"::text
  FROM "p1"
  WHERE true
  ORDER BY "p1"."__refract_row" ASC
  LIMIT 1), 'endCursor'::text, (SELECT "p1"."id"::text
  FROM "p1"
  WHERE true
  ORDER BY "p1"."__refract_row" DESC
  LIMIT 1)), 'edges'::text, (SELECT coalesce(json_agg(json_build_object('cursor'::text, "p1"."id"::text)
  ORDER BY "p1"."__refract_row" ASC), '[]'::json)
  FROM "p1"
  WHERE true), 'aggregate'::text, json_build_object('count'::text, (SELECT count(*)
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."name" = $2::text)))::text AS result
-- values: ["Zed","Zed"]
