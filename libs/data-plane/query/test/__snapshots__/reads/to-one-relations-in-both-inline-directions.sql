SELECT (SELECT json_build_object('profile'::text, (SELECT json_build_object('bio'::text, "t1"."bio", 'user'::text, (SELECT json_build_object('email'::text, "t2"."email")
  FROM "fixture$reads"."User" AS "t2"
  WHERE "t2"."id" = "t1"."user"
  LIMIT 1))
  FROM "fixture$reads"."Profile" AS "t1"
  WHERE "t1"."user" = "t0"."id"
  LIMIT 1))
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."id" = $1::text)::text AS result
-- values: ["u1"]

SELECT (SELECT json_build_object('profile'::text, (SELECT json_build_object('bio'::text, "t1"."bio")
  FROM "fixture$reads"."Profile" AS "t1"
  WHERE "t1"."user" = "t0"."id"
  LIMIT 1))
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."id" = $1::text)::text AS result
-- values: ["u2"]
