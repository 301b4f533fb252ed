SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."age" > $1::int4)::text AS result
-- values: [25]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."age" <= $1::int4)::text AS result
-- values: [30]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."score" >= $1::numeric)::text AS result
-- values: ["1.5"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."Post" AS "t0"
  WHERE "t0"."id" > $1::text)::text AS result
-- values: ["p2"]
