-- nodes[0] User, offset
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."email")::text, '') || coalesce($3::text || to_json("t"."name")::text, '') || coalesce($4::text || to_json("t"."age")::text, '') || coalesce($5::text || to_json("t"."score"::float8)::text, '') || coalesce($6::text || to_json("t"."active")::text, '') || coalesce($7::text || to_json(to_char("t"."born", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, '') || coalesce($8::text || to_json("t"."meta"::json)::text, '') || coalesce($9::text || to_json("t"."role")::text, '') || coalesce($10::text || to_json("t"."ref")::text, '') || coalesce($11::text || to_json(to_char("t"."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, '') || coalesce($12::text || to_json(to_char("t"."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."User" AS t ORDER BY "t"."id" LIMIT $13 OFFSET $14
-- values: ["{\"_typeName\":\"User\",\"id\":",",\"email\":",",\"name\":",",\"age\":",",\"score\":",",\"active\":",",\"born\":",",\"meta\":",",\"role\":",",\"ref\":",",\"createdAt\":",",\"updatedAt\":",1000,10]

-- nodes[0] User, after
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."email")::text, '') || coalesce($3::text || to_json("t"."name")::text, '') || coalesce($4::text || to_json("t"."age")::text, '') || coalesce($5::text || to_json("t"."score"::float8)::text, '') || coalesce($6::text || to_json("t"."active")::text, '') || coalesce($7::text || to_json(to_char("t"."born", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, '') || coalesce($8::text || to_json("t"."meta"::json)::text, '') || coalesce($9::text || to_json("t"."role")::text, '') || coalesce($10::text || to_json("t"."ref")::text, '') || coalesce($11::text || to_json(to_char("t"."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, '') || coalesce($12::text || to_json(to_char("t"."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."User" AS t WHERE "t"."id" > $13 ORDER BY "t"."id" LIMIT $14
-- values: ["{\"_typeName\":\"User\",\"id\":",",\"email\":",",\"name\":",",\"age\":",",\"score\":",",\"active\":",",\"born\":",",\"meta\":",",\"role\":",",\"ref\":",",\"createdAt\":",",\"updatedAt\":","k",1000]

-- nodes[1] Profile, offset
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."bio")::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Profile" AS t ORDER BY "t"."id" LIMIT $3 OFFSET $4
-- values: ["{\"_typeName\":\"Profile\",\"id\":",",\"bio\":",1000,10]

-- nodes[1] Profile, after
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."bio")::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Profile" AS t WHERE "t"."id" > $3 ORDER BY "t"."id" LIMIT $4
-- values: ["{\"_typeName\":\"Profile\",\"id\":",",\"bio\":","k",1000]

-- nodes[2] Post, offset
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."title")::text, '') || coalesce($3::text || to_json("t"."weight"::float8)::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Post" AS t ORDER BY "t"."id" LIMIT $4 OFFSET $5
-- values: ["{\"_typeName\":\"Post\",\"id\":",",\"title\":",",\"weight\":",1000,10]

-- nodes[2] Post, after
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."title")::text, '') || coalesce($3::text || to_json("t"."weight"::float8)::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Post" AS t WHERE "t"."id" > $4 ORDER BY "t"."id" LIMIT $5
-- values: ["{\"_typeName\":\"Post\",\"id\":",",\"title\":",",\"weight\":","k",1000]

-- nodes[3] Category, offset
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."name")::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Category" AS t ORDER BY "t"."id" LIMIT $3 OFFSET $4
-- values: ["{\"_typeName\":\"Category\",\"id\":",",\"name\":",1000,10]

-- nodes[3] Category, after
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."name")::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Category" AS t WHERE "t"."id" > $3 ORDER BY "t"."id" LIMIT $4
-- values: ["{\"_typeName\":\"Category\",\"id\":",",\"name\":","k",1000]

-- nodes[4] Image, offset
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."url")::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Image" AS t ORDER BY "t"."id" LIMIT $3 OFFSET $4
-- values: ["{\"_typeName\":\"Image\",\"id\":",",\"url\":",1000,10]

-- nodes[4] Image, after
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."url")::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Image" AS t WHERE "t"."id" > $3 ORDER BY "t"."id" LIMIT $4
-- values: ["{\"_typeName\":\"Image\",\"id\":",",\"url\":","k",1000]

-- nodes[5] Counter, offset
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."label")::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Counter" AS t ORDER BY "t"."id" LIMIT $3 OFFSET $4
-- values: ["{\"_typeName\":\"Counter\",\"id\":",",\"label\":",1000,10]

-- nodes[5] Counter, after
SELECT $1::text || to_json("t"."id")::text || coalesce($2::text || to_json("t"."label")::text, '') || '}' AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Counter" AS t WHERE "t"."id" > $3 ORDER BY "t"."id" LIMIT $4
-- values: ["{\"_typeName\":\"Counter\",\"id\":",",\"label\":","k",1000]

-- lists[0] User.nicknames, offset
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value")::text AS value FROM "s$dev"."User_nicknames" AS l ORDER BY "l"."nodeId", "l"."position" LIMIT $1 OFFSET $2) SELECT $3::text || to_json(page.node::text)::text || $4::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: [1000,10,"{\"_typeName\":\"User\",\"id\":",",\"nicknames\":"]

-- lists[0] User.nicknames, after
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value")::text AS value FROM "s$dev"."User_nicknames" AS l WHERE ("l"."nodeId", "l"."position") > ($1, $2) ORDER BY "l"."nodeId", "l"."position" LIMIT $3) SELECT $4::text || to_json(page.node::text)::text || $5::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: ["k",2000,1000,"{\"_typeName\":\"User\",\"id\":",",\"nicknames\":"]

-- lists[1] User.lucky, offset
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value")::text AS value FROM "s$dev"."User_lucky" AS l ORDER BY "l"."nodeId", "l"."position" LIMIT $1 OFFSET $2) SELECT $3::text || to_json(page.node::text)::text || $4::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: [1000,10,"{\"_typeName\":\"User\",\"id\":",",\"lucky\":"]

-- lists[1] User.lucky, after
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value")::text AS value FROM "s$dev"."User_lucky" AS l WHERE ("l"."nodeId", "l"."position") > ($1, $2) ORDER BY "l"."nodeId", "l"."position" LIMIT $3) SELECT $4::text || to_json(page.node::text)::text || $5::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: ["k",2000,1000,"{\"_typeName\":\"User\",\"id\":",",\"lucky\":"]

-- lists[2] Profile.visits, offset
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json(to_char("l"."value", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text AS value FROM "s$dev"."Profile_visits" AS l ORDER BY "l"."nodeId", "l"."position" LIMIT $1 OFFSET $2) SELECT $3::text || to_json(page.node::text)::text || $4::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: [1000,10,"{\"_typeName\":\"Profile\",\"id\":",",\"visits\":"]

-- lists[2] Profile.visits, after
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json(to_char("l"."value", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text AS value FROM "s$dev"."Profile_visits" AS l WHERE ("l"."nodeId", "l"."position") > ($1, $2) ORDER BY "l"."nodeId", "l"."position" LIMIT $3) SELECT $4::text || to_json(page.node::text)::text || $5::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: ["k",2000,1000,"{\"_typeName\":\"Profile\",\"id\":",",\"visits\":"]

-- lists[3] Post.flags, offset
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value")::text AS value FROM "s$dev"."Post_flags" AS l ORDER BY "l"."nodeId", "l"."position" LIMIT $1 OFFSET $2) SELECT $3::text || to_json(page.node::text)::text || $4::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: [1000,10,"{\"_typeName\":\"Post\",\"id\":",",\"flags\":"]

-- lists[3] Post.flags, after
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value")::text AS value FROM "s$dev"."Post_flags" AS l WHERE ("l"."nodeId", "l"."position") > ($1, $2) ORDER BY "l"."nodeId", "l"."position" LIMIT $3) SELECT $4::text || to_json(page.node::text)::text || $5::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: ["k",2000,1000,"{\"_typeName\":\"Post\",\"id\":",",\"flags\":"]

-- lists[4] Post.moods, offset
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value")::text AS value FROM "s$dev"."Post_moods" AS l ORDER BY "l"."nodeId", "l"."position" LIMIT $1 OFFSET $2) SELECT $3::text || to_json(page.node::text)::text || $4::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: [1000,10,"{\"_typeName\":\"Post\",\"id\":",",\"moods\":"]

-- lists[4] Post.moods, after
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value")::text AS value FROM "s$dev"."Post_moods" AS l WHERE ("l"."nodeId", "l"."position") > ($1, $2) ORDER BY "l"."nodeId", "l"."position" LIMIT $3) SELECT $4::text || to_json(page.node::text)::text || $5::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: ["k",2000,1000,"{\"_typeName\":\"Post\",\"id\":",",\"moods\":"]

-- lists[5] Post.extras, offset
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value"::json)::text AS value FROM "s$dev"."Post_extras" AS l ORDER BY "l"."nodeId", "l"."position" LIMIT $1 OFFSET $2) SELECT $3::text || to_json(page.node::text)::text || $4::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: [1000,10,"{\"_typeName\":\"Post\",\"id\":",",\"extras\":"]

-- lists[5] Post.extras, after
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value"::json)::text AS value FROM "s$dev"."Post_extras" AS l WHERE ("l"."nodeId", "l"."position") > ($1, $2) ORDER BY "l"."nodeId", "l"."position" LIMIT $3) SELECT $4::text || to_json(page.node::text)::text || $5::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: ["k",2000,1000,"{\"_typeName\":\"Post\",\"id\":",",\"extras\":"]

-- lists[6] Counter.ratios, offset
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value"::float8)::text AS value FROM "s$dev"."Counter_ratios" AS l ORDER BY "l"."nodeId", "l"."position" LIMIT $1 OFFSET $2) SELECT $3::text || to_json(page.node::text)::text || $4::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: [1000,10,"{\"_typeName\":\"Counter\",\"id\":",",\"ratios\":"]

-- lists[6] Counter.ratios, after
WITH page AS (SELECT "l"."nodeId" AS node, "l"."position" AS position, to_json("l"."value"::float8)::text AS value FROM "s$dev"."Counter_ratios" AS l WHERE ("l"."nodeId", "l"."position") > ($1, $2) ORDER BY "l"."nodeId", "l"."position" LIMIT $3) SELECT $4::text || to_json(page.node::text)::text || $5::text || '[' || string_agg(page.value, ',' ORDER BY page.position) || ']}' AS element, count(*)::int AS rows, page.node AS k0, max(page.position) AS k1 FROM page GROUP BY page.node ORDER BY page.node
-- values: ["k",2000,1000,"{\"_typeName\":\"Counter\",\"id\":",",\"ratios\":"]

-- relations[0] ProfileToUser, offset
SELECT $1::text || to_json("t"."id"::text)::text || $2::text || to_json("t"."profile"::text)::text || $3::text AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."User" AS t WHERE "t"."profile" IS NOT NULL ORDER BY "t"."id" LIMIT $4 OFFSET $5
-- values: ["[{\"_typeName\":\"User\",\"id\":",",\"fieldName\":\"profile\"},{\"_typeName\":\"Profile\",\"id\":",",\"fieldName\":\"user\"}]",1000,10]

-- relations[0] ProfileToUser, after
SELECT $1::text || to_json("t"."id"::text)::text || $2::text || to_json("t"."profile"::text)::text || $3::text AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."User" AS t WHERE "t"."profile" IS NOT NULL AND "t"."id" > $4 ORDER BY "t"."id" LIMIT $5
-- values: ["[{\"_typeName\":\"User\",\"id\":",",\"fieldName\":\"profile\"},{\"_typeName\":\"Profile\",\"id\":",",\"fieldName\":\"user\"}]","k",1000]

-- relations[1] PostToUser, offset
SELECT $1::text || to_json("t"."author"::text)::text || $2::text || to_json("t"."id"::text)::text || $3::text AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Post" AS t WHERE "t"."author" IS NOT NULL ORDER BY "t"."id" LIMIT $4 OFFSET $5
-- values: ["[{\"_typeName\":\"User\",\"id\":",",\"fieldName\":\"posts\"},{\"_typeName\":\"Post\",\"id\":",",\"fieldName\":\"author\"}]",1000,10]

-- relations[1] PostToUser, after
SELECT $1::text || to_json("t"."author"::text)::text || $2::text || to_json("t"."id"::text)::text || $3::text AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Post" AS t WHERE "t"."author" IS NOT NULL AND "t"."id" > $4 ORDER BY "t"."id" LIMIT $5
-- values: ["[{\"_typeName\":\"User\",\"id\":",",\"fieldName\":\"posts\"},{\"_typeName\":\"Post\",\"id\":",",\"fieldName\":\"author\"}]","k",1000]

-- relations[2] Mentorship, offset
SELECT $1::text || to_json("t"."id"::text)::text || $2::text || to_json("t"."mentor"::text)::text || $3::text AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."User" AS t WHERE "t"."mentor" IS NOT NULL ORDER BY "t"."id" LIMIT $4 OFFSET $5
-- values: ["[{\"_typeName\":\"User\",\"id\":",",\"fieldName\":\"mentor\"},{\"_typeName\":\"User\",\"id\":",",\"fieldName\":\"mentees\"}]",1000,10]

-- relations[2] Mentorship, after
SELECT $1::text || to_json("t"."id"::text)::text || $2::text || to_json("t"."mentor"::text)::text || $3::text AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."User" AS t WHERE "t"."mentor" IS NOT NULL AND "t"."id" > $4 ORDER BY "t"."id" LIMIT $5
-- values: ["[{\"_typeName\":\"User\",\"id\":",",\"fieldName\":\"mentor\"},{\"_typeName\":\"User\",\"id\":",",\"fieldName\":\"mentees\"}]","k",1000]

-- relations[3] Friends, offset
SELECT $1::text || to_json("t"."B"::text)::text || $2::text || to_json("t"."A"::text)::text || $3::text AS element, 1 AS rows, "t"."A" AS k0, "t"."B" AS k1 FROM "s$dev"."_Friends" AS t ORDER BY "t"."A", "t"."B" LIMIT $4 OFFSET $5
-- values: ["[{\"_typeName\":\"User\",\"id\":","},{\"_typeName\":\"User\",\"id\":",",\"fieldName\":\"friends\"}]",1000,10]

-- relations[3] Friends, after
SELECT $1::text || to_json("t"."B"::text)::text || $2::text || to_json("t"."A"::text)::text || $3::text AS element, 1 AS rows, "t"."A" AS k0, "t"."B" AS k1 FROM "s$dev"."_Friends" AS t WHERE ("t"."A", "t"."B") > ($4, $5) ORDER BY "t"."A", "t"."B" LIMIT $6
-- values: ["[{\"_typeName\":\"User\",\"id\":","},{\"_typeName\":\"User\",\"id\":",",\"fieldName\":\"friends\"}]","k",2000,1000]

-- relations[4] CategoryToPost, offset
SELECT $1::text || to_json("t"."B"::text)::text || $2::text || to_json("t"."A"::text)::text || $3::text AS element, 1 AS rows, "t"."A" AS k0, "t"."B" AS k1 FROM "s$dev"."_CategoryToPost" AS t ORDER BY "t"."A", "t"."B" LIMIT $4 OFFSET $5
-- values: ["[{\"_typeName\":\"Post\",\"id\":",",\"fieldName\":\"categories\"},{\"_typeName\":\"Category\",\"id\":",",\"fieldName\":\"posts\"}]",1000,10]

-- relations[4] CategoryToPost, after
SELECT $1::text || to_json("t"."B"::text)::text || $2::text || to_json("t"."A"::text)::text || $3::text AS element, 1 AS rows, "t"."A" AS k0, "t"."B" AS k1 FROM "s$dev"."_CategoryToPost" AS t WHERE ("t"."A", "t"."B") > ($4, $5) ORDER BY "t"."A", "t"."B" LIMIT $6
-- values: ["[{\"_typeName\":\"Post\",\"id\":",",\"fieldName\":\"categories\"},{\"_typeName\":\"Category\",\"id\":",",\"fieldName\":\"posts\"}]","k",2000,1000]

-- relations[5] PostCover, offset
SELECT $1::text || to_json("t"."id"::text)::text || $2::text || to_json("t"."cover"::text)::text || $3::text AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Post" AS t WHERE "t"."cover" IS NOT NULL ORDER BY "t"."id" LIMIT $4 OFFSET $5
-- values: ["[{\"_typeName\":\"Post\",\"id\":",",\"fieldName\":\"cover\"},{\"_typeName\":\"Image\",\"id\":","}]",1000,10]

-- relations[5] PostCover, after
SELECT $1::text || to_json("t"."id"::text)::text || $2::text || to_json("t"."cover"::text)::text || $3::text AS element, 1 AS rows, "t"."id" AS k0 FROM "s$dev"."Post" AS t WHERE "t"."cover" IS NOT NULL AND "t"."id" > $4 ORDER BY "t"."id" LIMIT $5
-- values: ["[{\"_typeName\":\"Post\",\"id\":",",\"fieldName\":\"cover\"},{\"_typeName\":\"Image\",\"id\":","}]","k",1000]

-- relations[6] PostAttachments, offset
SELECT $1::text || to_json("t"."B"::text)::text || $2::text || to_json("t"."A"::text)::text || $3::text AS element, 1 AS rows, "t"."A" AS k0, "t"."B" AS k1 FROM "s$dev"."_PostAttachments" AS t ORDER BY "t"."A", "t"."B" LIMIT $4 OFFSET $5
-- values: ["[{\"_typeName\":\"Post\",\"id\":",",\"fieldName\":\"attachments\"},{\"_typeName\":\"Image\",\"id\":","}]",1000,10]

-- relations[6] PostAttachments, after
SELECT $1::text || to_json("t"."B"::text)::text || $2::text || to_json("t"."A"::text)::text || $3::text AS element, 1 AS rows, "t"."A" AS k0, "t"."B" AS k1 FROM "s$dev"."_PostAttachments" AS t WHERE ("t"."A", "t"."B") > ($4, $5) ORDER BY "t"."A", "t"."B" LIMIT $6
-- values: ["[{\"_typeName\":\"Post\",\"id\":",",\"fieldName\":\"attachments\"},{\"_typeName\":\"Image\",\"id\":","}]","k",2000,1000]

-- relations[7] CounterToPost, offset
SELECT $1::text || to_json("t"."B"::text)::text || $2::text || to_json("t"."A"::text)::text || $3::text AS element, 1 AS rows, "t"."A" AS k0, "t"."B" AS k1 FROM "s$dev"."_CounterToPost" AS t ORDER BY "t"."A", "t"."B" LIMIT $4 OFFSET $5
-- values: ["[{\"_typeName\":\"Post\",\"id\":",",\"fieldName\":\"counter\"},{\"_typeName\":\"Counter\",\"id\":",",\"fieldName\":\"posts\"}]",1000,10]

-- relations[7] CounterToPost, after
SELECT $1::text || to_json("t"."B"::text)::text || $2::text || to_json("t"."A"::text)::text || $3::text AS element, 1 AS rows, "t"."A" AS k0, "t"."B" AS k1 FROM "s$dev"."_CounterToPost" AS t WHERE ("t"."A", "t"."B") > ($4, $5) ORDER BY "t"."A", "t"."B" LIMIT $6
-- values: ["[{\"_typeName\":\"Post\",\"id\":",",\"fieldName\":\"counter\"},{\"_typeName\":\"Counter\",\"id\":",",\"fieldName\":\"posts\"}]","k",2000,1000]
