SELECT (SELECT coalesce(json_agg(json_build_object('id'::text, "t0"."id", 'mentor'::text, (SELECT json_build_object('id'::text, "t1"."id")
  FROM "fixture$reads"."User" AS "t1"
  WHERE "t1"."id" = "t0"."mentor"
  LIMIT 1), 'mentees'::text, (SELECT coalesce(json_agg(json_build_object('id'::text, "t2"."id")
  ORDER BY "t2"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t2"
  WHERE "t2"."mentor" = "t0"."id"), 'friends'::text, (SELECT coalesce(json_agg(json_build_object('id'::text, "t3"."id")
  ORDER BY "t3"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t3"
  JOIN "fixture$reads"."_Friends" AS "l4" ON "l4"."B" = "t3"."id"
  WHERE "l4"."A" = "t0"."id"))
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$reads"."User" AS "t0"
  WHERE true)::text AS result
-- values: []
