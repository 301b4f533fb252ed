SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."title" LIKE $1)::text AS result
-- values: ["%Hello%"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."title" LIKE $1)::text AS result
-- values: ["%hello%"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."title" LIKE $1)::text AS result
-- values: ["%\\%%"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."title" LIKE $1)::text AS result
-- values: ["%\\_%"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."title" LIKE $1)::text AS result
-- values: ["Hello%"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."title" LIKE $1)::text AS result
-- values: ["%World"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."title" NOT LIKE $1)::text AS result
-- values: ["%Hello%"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."title" NOT LIKE $1)::text AS result
-- values: ["B%"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."title" NOT LIKE $1)::text AS result
-- values: ["%e"]
