SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id", 'label'::text, "t0"."label")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$ids"."Counter" AS "t0"
  WHERE ("t0"."id" > $1::int4
  AND EXISTS (SELECT 1
  FROM "fixture$ids"."Counter" AS "c1"
  WHERE "c1"."id" = $2::int4)))::text AS result
-- values: [1,1]

SELECT (SELECT json_build_object('label'::text, "t0"."label")
  FROM "fixture$ids"."Counter" AS "t0"
  WHERE "t0"."id" = $1::int4)::text AS result
-- values: [3]

WITH "p1" AS (SELECT "t0".*, row_number() OVER (ORDER BY "t0"."id" DESC) AS "__refract_row"
  FROM "fixture$ids"."Counter" AS "t0"
  WHERE true
  ORDER BY "t0"."id" DESC
  LIMIT $1) SELECT json_build_object('edges'::text, (SELECT coalesce(json_agg(json_build_object('cursor'::text, "p1"."id"::text)
  ORDER BY "p1"."__refract_row" DESC), '[]'::json)
  FROM "p1"
  WHERE "p1"."__refract_row" <= $2))::text AS result
-- values: [2,1]
