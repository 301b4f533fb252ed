SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id")
  ORDER BY "t0"."name" DESC, "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE true)::text AS result
-- values: []
