SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id", 'counter'::text, (SELECT json_build_object('label'::text, "t1"."label")
  FROM "fixture$ids"."Counter" AS "t1"
  WHERE "t1"."id" = "t0"."counter"
  LIMIT 1))
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$ids"."Item" AS "t0"
  WHERE true)::text AS result
-- values: []

SELECT (SELECT json_build_object('items'::text, (SELECT coalesce(json_agg(json_build_object('name'::text, "t1"."name")
  ORDER BY "t1"."id" ASC), '[]'::json)
  FROM "fixture$ids"."Item" AS "t1"
  WHERE "t1"."counter" = "t0"."id"))
  FROM "fixture$ids"."Counter" AS "t0"
  WHERE "t0"."id" = $1::int4)::text AS result
-- values: [2]
