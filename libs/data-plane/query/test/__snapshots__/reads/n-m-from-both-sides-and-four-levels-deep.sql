SELECT (SELECT coalesce(json_agg(json_build_object('label'::text, "t0"."label", 'posts'::text, (SELECT coalesce(json_agg(json_build_object('id'::text, "t1"."id")
  ORDER BY "t1"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t1"
  JOIN "fixture$reads"."_PostToTag" AS "l2" ON "l2"."A" = "t1"."id"
  WHERE "l2"."B" = "t0"."id"))
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Tag" AS "t0"
  WHERE true)::text AS result
-- values: []

SELECT (SELECT json_build_object('author'::text, (SELECT json_build_object('posts'::text, (SELECT coalesce(json_agg(json_build_object('comments'::text, (SELECT coalesce(json_agg(json_build_object('post'::text, (SELECT json_build_object('title'::text, "t4"."title")
  FROM "fixture$reads"."Post" AS "t4"
  WHERE "t4"."id" = "t3"."post"
  LIMIT 1))
  ORDER BY "t3"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Comment" AS "t3"
  WHERE "t3"."post" = "t2"."id"))
  ORDER BY "t2"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t2"
  WHERE "t2"."author" = "t1"."id"))
  FROM "fixture$reads"."User" AS "t1"
  WHERE "t1"."id" = "t0"."author"
  LIMIT 1))
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."id" = $1::text)::text AS result
-- values: ["p3"]
