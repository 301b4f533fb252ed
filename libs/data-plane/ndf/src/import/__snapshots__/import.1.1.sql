INSERT INTO "s$dev"."Image" ("id", "url") SELECT * FROM unnest($1::text[], $2::text[])
-- values: [["i1","i2"],["a","b"]]

INSERT INTO "s$dev"."Image" ("id", "url") SELECT * FROM unnest($1::text[], $2::text[])
-- values: [["i1"],["a"]]

INSERT INTO "s$dev"."Post" ("id", "title", "weight") SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[])
-- values: [["p1"],["T"],[1.5]]

INSERT INTO "s$dev"."Post" ("id", "title", "weight") SELECT * FROM unnest($1::text[], $2::text[], $3::numeric[])
-- values: [["p1"],["T"],[1.5]]

WITH v(node, ord, value) AS (SELECT * FROM unnest($1::text[], $2::int4[], $3::boolean[])) INSERT INTO "s$dev"."Post_flags" ("nodeId", "position", "value") SELECT v.node, coalesce((SELECT max(l."position") FROM "s$dev"."Post_flags" AS l WHERE l."nodeId" = v.node), 0) + 1000 * v.ord, v.value FROM v
-- values: [["p1","p1","p1"],[1,2,3],[true,false,true]]

WITH v(node, ord, value) AS (SELECT * FROM unnest($1::text[], $2::int4[], $3::boolean[])) INSERT INTO "s$dev"."Post_flags" ("nodeId", "position", "value") SELECT v.node, coalesce((SELECT max(l."position") FROM "s$dev"."Post_flags" AS l WHERE l."nodeId" = v.node), 0) + 1000 * v.ord, v.value FROM v
-- values: [["p1"],[1],[true]]

UPDATE "s$dev"."Post" AS t SET "author" = v.other FROM unnest($1::text[], $2::text[]) AS v(holder, other) WHERE "t"."id" = v.holder RETURNING "t"."id"
-- values: [["p1"],["u1"]]

UPDATE "s$dev"."Post" AS t SET "author" = v.other FROM unnest($1::text[], $2::text[]) AS v(holder, other) WHERE "t"."id" = v.holder RETURNING "t"."id"
-- values: [["p1"],["u1"]]

INSERT INTO "s$dev"."_CategoryToPost" ("A", "B") SELECT * FROM unnest($1::text[], $2::text[])
-- values: [["c1"],["p1"]]

INSERT INTO "s$dev"."_CategoryToPost" ("A", "B") SELECT * FROM unnest($1::text[], $2::text[])
-- values: [["c1"],["p1"]]
