SELECT coalesce((SELECT json_build_object('id'::text, "t0"."id", '__typename'::text, 'User'::text, 'email'::text, "t0"."email")
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."id" = $1::text), (SELECT json_build_object('id'::text, "t1"."id", '__typename'::text, 'Post'::text, 'title'::text, "t1"."title")
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."id" = $2::text), (SELECT json_build_object('id'::text, "t2"."id", '__typename'::text, 'Comment'::text)
  FROM "fixture$reads"."Comment" AS "t2"
  WHERE "t2"."id" = $3::text), (SELECT json_build_object('id'::text, "t3"."id", '__typename'::text, 'Tag'::text)
  FROM "fixture$reads"."Tag" AS "t3"
  WHERE "t3"."id" = $4::text), (SELECT json_build_object('id'::text, "t4"."id", '__typename'::text, 'Profile'::text)
  FROM "fixture$reads"."Profile" AS "t4"
  WHERE "t4"."id" = $5::text))::text AS result
-- values: ["p1","p1","p1","p1","p1"]

SELECT coalesce((SELECT json_build_object('email'::text, "t0"."email")
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."id" = $1::text), (SELECT json_build_object()
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."id" = $2::text), (SELECT json_build_object()
  FROM "fixture$reads"."Comment" AS "t2"
  WHERE "t2"."id" = $3::text), (SELECT json_build_object()
  FROM "fixture$reads"."Tag" AS "t3"
  WHERE "t3"."id" = $4::text), (SELECT json_build_object()
  FROM "fixture$reads"."Profile" AS "t4"
  WHERE "t4"."id" = $5::text))::text AS result
-- values: ["u2","u2","u2","u2","u2"]

SELECT coalesce((SELECT json_build_object('id'::text, "t0"."id")
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."id" = $1::text), (SELECT json_build_object('id'::text, "t1"."id")
  FROM "fixture$reads"."Post" AS "t1"
  WHERE "t1"."id" = $2::text), (SELECT json_build_object('id'::text, "t2"."id")
  FROM "fixture$reads"."Comment" AS "t2"
  WHERE "t2"."id" = $3::text), (SELECT json_build_object('id'::text, "t3"."id")
  FROM "fixture$reads"."Tag" AS "t3"
  WHERE "t3"."id" = $4::text), (SELECT json_build_object('id'::text, "t4"."id")
  FROM "fixture$reads"."Profile" AS "t4"
  WHERE "t4"."id" = $5::text))::text AS result
-- values: ["zzz","zzz","zzz","zzz","zzz"]
