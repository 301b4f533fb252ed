SELECT (SELECT json_build_object('id'::text, "t0"."id", 'n'::text, "t0"."name")
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."id" = $1::text)::text AS result
-- values: ["u1"]

SELECT (SELECT json_build_object('name'::text, "t0"."email")
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."id" = $1::text)::text AS result
-- values: ["u2"]

SELECT (SELECT coalesce(json_agg(json_build_object('__typename'::text, 'User'::text, 'id'::text, "p1"."id", 'email'::text, "p1"."email", 'name'::text, "p1"."name")
  ORDER BY "p1"."id" ASC), '[]'::json)
  FROM (SELECT "t0".*
  FROM "fixture$reads"."User" AS "t0"
  WHERE true
  ORDER BY "t0"."id" ASC
  LIMIT $1) AS "p1")::text AS result
-- values: [1]
