SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."name" ASC, "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."name" > (SELECT "c1"."name"
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $1::text)
  OR ("t0"."name" = (SELECT "c1"."name"
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text)
  AND "t0"."id" > $3::text)))::text AS result
-- values: ["u1","u1","u1"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "p2"."id")
  ORDER BY "p2"."name" ASC, "p2"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."name" > (SELECT "c1"."name"
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $1::text)
  OR ("t0"."name" = (SELECT "c1"."name"
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text)
  AND "t0"."id" > $3::text))
  ORDER BY "t0"."name" ASC, "t0"."id" ASC
  LIMIT $4) AS "p2")::text AS result
-- values: ["u4","u4","u4",1]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."name" ASC, "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."name" < (SELECT "c1"."name"
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $1::text)
  OR ("t0"."name" = (SELECT "c1"."name"
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text)
  AND "t0"."id" < $3::text)))::text AS result
-- values: ["u2","u2","u2"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."name" DESC, "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."name" < (SELECT "c1"."name"
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $1::text)
  OR ("t0"."name" = (SELECT "c1"."name"
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text)
  AND "t0"."id" > $3::text)))::text AS result
-- values: ["u2","u2","u2"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."name" DESC, "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."name" > (SELECT "c1"."name"
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $1::text)
  OR ("t0"."name" = (SELECT "c1"."name"
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text)
  AND "t0"."id" < $3::text)))::text AS result
-- values: ["u1","u1","u1"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "p1"."id")
  ORDER BY "p1"."name" DESC, "p1"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  ORDER BY "t0"."name" ASC, "t0"."id" DESC
  LIMIT $1) AS "p1")::text AS result
-- values: [2]
