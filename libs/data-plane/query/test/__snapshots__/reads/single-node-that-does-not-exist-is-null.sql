SELECT (SELECT json_build_object('id'::text, "t0"."id")
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."id" = $1::text)::text AS result
-- values: ["nope"]
