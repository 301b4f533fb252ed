INSERT INTO "s$dev"."Label" ("name", "id", "createdAt", "updatedAt") SELECT * FROM unnest($1::text[], $2::text[], $3::timestamp(3)[], $4::timestamp(3)[])
-- values: [["n"],["l1"],["2021-06-07T08:09:10.123"],["2021-06-07T08:09:10.123"]]

INSERT INTO "s$dev"."Label" ("name", "id", "createdAt", "updatedAt") SELECT * FROM unnest($1::text[], $2::text[], $3::timestamp(3)[], $4::timestamp(3)[])
-- values: [["n"],["l1"],["2021-06-07T08:09:10.123"],["2021-06-07T08:09:10.123"]]

INSERT INTO "s$dev"."_RelayId" ("id", "stableModelIdentifier") SELECT v.id, $1 FROM unnest($2::text[]) AS v(id)
-- values: ["<cuid>",["l1"]]

INSERT INTO "s$dev"."_RelayId" ("id", "stableModelIdentifier") SELECT v.id, $1 FROM unnest($2::text[]) AS v(id)
-- values: ["<cuid>",["l1"]]

INSERT INTO "s$dev"."_BestFriend" ("A", "B", "id") SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
-- values: [["u1"],["u2"],["<cuid>"]]

INSERT INTO "s$dev"."_BestFriend" ("A", "B", "id") SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
-- values: [["u1"],["u2"],["<cuid>"]]
