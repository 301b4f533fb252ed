SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."age" = ANY($1::int4[]))::text AS result
-- values: [[25,40]]

SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE NOT ("t0"."age" = ANY($1::int4[])))::text AS result
-- values: [[25]]
