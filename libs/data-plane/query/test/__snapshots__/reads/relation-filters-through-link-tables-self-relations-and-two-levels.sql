SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE EXISTS (SELECT 1
  FROM "fixture$reads"."Tag" AS "t1"
  JOIN "fixture$reads"."_PostToTag" AS "l2" ON "l2"."B" = "t1"."id"
  WHERE "l2"."A" = "t0"."id"
  AND "t1"."label" = $1::text))::text AS result
-- values: ["tech"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Tag" AS "t0"
  WHERE NOT EXISTS (SELECT 1
  FROM "fixture$reads"."Post" AS "t1"
  JOIN "fixture$reads"."_PostToTag" AS "l2" ON "l2"."A" = "t1"."id"
  WHERE "l2"."B" = "t0"."id"))::text AS result
-- values: []

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE EXISTS (SELECT 1
  FROM "fixture$reads"."User" AS "t1"
  JOIN "fixture$reads"."_Friends" AS "l2" ON "l2"."B" = "t1"."id"
  WHERE "l2"."A" = "t0"."id"
  AND "t1"."name" = $1::text))::text AS result
-- values: ["Cat"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE EXISTS (SELECT 1
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."author" = "t0"."id"
  AND EXISTS (SELECT 1
  FROM "fixture$reads"."Comment" AS "t2"
  WHERE "t2"."post" = "t1"."id"
  AND "t2"."text" = $1::text)))::text AS result
-- values: ["wow"]
