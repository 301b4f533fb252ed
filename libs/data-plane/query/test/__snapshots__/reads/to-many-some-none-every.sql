SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE EXISTS (SELECT 1
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."author" = "t0"."id"
  AND "t1"."published" = $1::boolean))::text AS result
-- values: [false]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE EXISTS (SELECT 1
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."author" = "t0"."id"))::text AS result
-- values: []

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE NOT EXISTS (SELECT 1
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."author" = "t0"."id"))::text AS result
-- values: []

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE NOT EXISTS (SELECT 1
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."author" = "t0"."id"
  AND "t1"."published" = $1::boolean))::text AS result
-- values: [false]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE NOT EXISTS (SELECT 1
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."author" = "t0"."id"
  AND NOT "t1"."published" = $1::boolean))::text AS result
-- values: [true]
