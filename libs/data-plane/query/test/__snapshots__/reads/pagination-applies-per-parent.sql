SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id", 'posts'::text, (SELECT coalesce(json_agg(json_build_object('id'::text, "p2"."id")
  ORDER BY "p2"."id" ASC), '[]'::json)
  FROM (SELECT "t1".*
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."author" = "t0"."id"
  ORDER BY "t1"."id" DESC
  LIMIT $1) AS "p2"))
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE true)::text AS result
-- values: [1]

SELECT (SELECT json_build_object('posts'::text, (SELECT coalesce(json_agg(json_build_object('id'::text, "p2"."id")
  ORDER BY "p2"."id" ASC), '[]'::json)
  FROM (SELECT "t1".*
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."author" = "t0"."id"
  ORDER BY "t1"."id" ASC
  LIMIT $1 OFFSET $2) AS "p2"))
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."id" = $3::text)::text AS result
-- values: [1,1,"u1"]
