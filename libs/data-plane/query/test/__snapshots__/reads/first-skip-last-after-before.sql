SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "p1"."id")
  ORDER BY "p1"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  ORDER BY "t0"."id" ASC
  LIMIT $1) AS "p1")::text AS result
-- values: [2]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "p1"."id")
  ORDER BY "p1"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  ORDER BY "t0"."id" ASC
  LIMIT $1 OFFSET $2) AS "p1")::text AS result
-- values: [2,1]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "p1"."id")
  ORDER BY "p1"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  ORDER BY "t0"."id" DESC
  LIMIT $1) AS "p1")::text AS result
-- values: [2]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "p1"."id")
  ORDER BY "p1"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  ORDER BY "t0"."id" DESC
  LIMIT $1 OFFSET $2) AS "p1")::text AS result
-- values: [1,1]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."id" > $1::text
  AND EXISTS (SELECT 1
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text)))::text AS result
-- values: ["u2","u2"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."id" < $1::text
  AND EXISTS (SELECT 1
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text)))::text AS result
-- values: ["u3","u3"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."id" > $1::text
  AND EXISTS (SELECT 1
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text))
  AND ("t0"."id" < $3::text
  AND EXISTS (SELECT 1
  FROM "fixture$reads"."User" AS "c2"
  WHERE "c2"."id" = $4::text)))::text AS result
-- values: ["u1","u1","u4","u4"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "p2"."id")
  ORDER BY "p2"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."id" > $1::text
  AND EXISTS (SELECT 1
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text))
  ORDER BY "t0"."id" ASC
  LIMIT $3) AS "p2")::text AS result
-- values: ["u1","u1",1]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "p2"."id")
  ORDER BY "p2"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."id" < $1::text
  AND EXISTS (SELECT 1
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text))
  ORDER BY "t0"."id" DESC
  LIMIT $3) AS "p2")::text AS result
-- values: ["u4","u4",2]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."id" > $1::text
  AND EXISTS (SELECT 1
  FROM "fixture$reads"."User" AS "c1"
  WHERE "c1"."id" = $2::text)))::text AS result
-- values: ["nope","nope"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "p1"."id")
  ORDER BY "p1"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  ORDER BY "t0"."id" ASC
  LIMIT $1) AS "p1")::text AS result
-- values: [0]
