SELECT (SELECT json_build_object('id'::text, "t0"."id", 'joinedAt'::text, to_char("t0"."joinedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'meta'::text, "t0"."meta"::json, 'nicknames'::text, (SELECT coalesce(json_agg("v1"."value"
  ORDER BY "v1"."position"), '[]'::json)
  FROM "fixture$reads"."User_nicknames" AS "v1"
  WHERE "v1"."nodeId" = "t0"."id"), 'score'::text, "t0"."score"::float8)
  FROM "fixture$reads"."User" AS "t0"
  WHERE "t0"."email" = $1::text)::text AS result
-- values: ["cat@x.io"]
