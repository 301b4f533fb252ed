SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "p1"."id", 'posts'::text, (SELECT coalesce(json_agg(json_build_object('id'::text, "p3"."id", 'comments'::text, (SELECT coalesce(json_agg(json_build_object('text'::text, "t4"."text")
  ORDER BY "t4"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Comment" AS "t4"
  WHERE "t4"."post" = "p3"."id"), 'tags'::text, (SELECT coalesce(json_agg(json_build_object('label'::text, "t5"."label")
  ORDER BY "t5"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Tag" AS "t5"
  JOIN "fixture$reads"."_PostToTag" AS "l6" ON "l6"."B" = "t5"."id"
  WHERE "l6"."A" = "p3"."id"), 'author'::text, (SELECT json_build_object('id'::text, "t7"."id")
  FROM "fixture$reads"."User" AS "t7"
  WHERE "t7"."id" = "p3"."author"
  LIMIT 1))
  ORDER BY "p3"."createdAt" DESC, "p3"."id" ASC), '[]'::json)
  FROM (SELECT "t2".*
  FROM "fixture$reads"."Post" AS "t2"
  WHERE "t2"."author" = "p1"."id"
  ORDER BY "t2"."createdAt" DESC, "t2"."id" ASC
  LIMIT $1) AS "p3"))
  ORDER BY "p1"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  ORDER BY "t0"."id" ASC
  LIMIT $2) AS "p1")::text AS result
-- values: [2,2]
