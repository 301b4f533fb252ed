SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."name" = $1::text
  OR "t0"."name" = $2::text))::text AS result
-- values: ["Bob","Cat"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE (NOT "t0"."name" = $1::text
  AND NOT "t0"."name" = $2::text))::text AS result
-- values: ["Ann","Bob"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE ("t0"."name" = $1::text
  AND "t0"."age" > $2::int4))::text AS result
-- values: ["Ann",35]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE (NOT "t0"."age" = $1::int4))::text AS result
-- values: [30]
