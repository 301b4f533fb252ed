SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$legacy"."Book" AS "t0"
  WHERE EXISTS (SELECT 1
  FROM "fixture$legacy"."Author" AS "t1"
  JOIN "fixture$legacy"."_AuthorToBook" AS "l2" ON "l2"."A" = "t1"."id"
  WHERE "l2"."B" = "t0"."id"
  AND "t1"."name" LIKE $1))::text AS result
-- values: ["Le%"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$legacy"."Author" AS "t0"
  WHERE NOT EXISTS (SELECT 1
  FROM "fixture$legacy"."Book" AS "t1"
  JOIN "fixture$legacy"."_AuthorToBook" AS "l2" ON "l2"."B" = "t1"."id"
  WHERE "l2"."A" = "t0"."id"
  AND NOT "t1"."title" LIKE $1))::text AS result
-- values: ["%e%"]

SELECT coalesce((SELECT json_build_object()
  FROM "fixture$legacy"."Author" AS "t0"
  WHERE "t0"."id" = $1::text), (SELECT json_build_object('title'::text, "t1"."title")
  FROM "fixture$legacy"."Book" AS "t1"
  WHERE "t1"."id" = $2::text))::text AS result
-- values: ["b2","b2"]
