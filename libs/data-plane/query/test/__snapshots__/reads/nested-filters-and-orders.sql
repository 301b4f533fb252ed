SELECT (SELECT json_build_object('posts'::text, (SELECT coalesce(json_agg(json_build_object('id'::text, "t1"."id", 'comments'::text, (SELECT coalesce(json_agg(json_build_object('text'::text, "t3"."text")
  ORDER BY "t3"."text" ASC, "t3"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Comment" AS "t3"
  WHERE "t3"."post" = "t1"."id"))
  ORDER BY "t1"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."author" = "t0"."id"
  AND EXISTS (SELECT 1
  FROM "fixture$reads"."Comment" AS "t2"
  WHERE "t2"."post" = "t1"."id")))
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."id" = $1::text)::text AS result
-- values: ["u1"]
