SELECT (SELECT coalesce(json_agg(json_build_object('name'::text, "t0"."name", 'createdAt'::text, to_char("t0"."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'books'::text, (SELECT coalesce(json_agg(json_build_object('title'::text, "t1"."title", 'author'::text, (SELECT json_build_object('name'::text, "t3"."name")
  FROM "fixture$legacy"."Author" AS "t3"
  JOIN "fixture$legacy"."_AuthorToBook" AS "l4" ON "l4"."A" = "t3"."id"
  WHERE "l4"."B" = "t1"."id"
  LIMIT 1))
  ORDER BY "t1"."title" DESC, "t1"."id" ASC), '[]'::json)
  FROM "fixture$legacy"."Book" AS "t1"
  JOIN "fixture$legacy"."_AuthorToBook" AS "l2" ON "l2"."B" = "t1"."id"
  WHERE "l2"."A" = "t0"."id"))
  ORDER BY "t0"."id" ASC), '[]'::json)
  FROM "fixture$legacy"."Author" AS "t0"
  WHERE true)::text AS result
-- values: []
