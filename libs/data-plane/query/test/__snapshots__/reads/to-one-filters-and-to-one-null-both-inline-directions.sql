SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE EXISTS (SELECT 1
  FROM "fixture$reads"."User" AS "t1"
  WHERE "t1"."id" = "t0"."author"
  AND "t1"."name" = $1::text))::text AS result
-- values: ["Bob"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE NOT EXISTS (SELECT 1
  FROM "fixture$reads"."Profile" AS "t1"
  WHERE "t1"."user" = "t0"."id"))::text AS result
-- values: []

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE EXISTS (SELECT 1
  FROM "fixture$reads"."Profile" AS "t1"
  WHERE "t1"."user" = "t0"."id"
  AND "t1"."bio" = $1::text))::text AS result
-- values: ["hi"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE NOT EXISTS (SELECT 1
  FROM "fixture$reads"."User" AS "t1"
  WHERE "t1"."id" = "t0"."mentor"))::text AS result
-- values: []
