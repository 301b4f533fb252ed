SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."joinedAt" > $1::timestamp(3))::text AS result
-- values: ["2018-01-01T00:00:00.000"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."joinedAt" = $1::timestamp(3))::text AS result
-- values: ["2017-11-29T14:35:13.123"]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."joinedAt" = $1::timestamp(3))::text AS result
-- values: ["2017-11-29T14:35:13.123"]
