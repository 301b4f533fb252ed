// Datamodels the integration tests deploy. Each uses every field type, directive and relation kind
// its format has, so that the expected layouts next to them cover spec §4 and Appendix A.

/** Datamodel 1.1: @db names, @sequence, ID/Int/UUID ids, lists, enums, Json, DateTime, every relation kind. */
export const KITCHEN_SINK_1_1 = `
type User @db(name: "users") {
  id: ID! @id
  email: String! @unique
  name: String @db(name: "full_name")
  age: Int
  score: Float @default(value: 1.5)
  active: Boolean! @default(value: true)
  role: Role! @default(value: USER)
  roles: [Role] @scalarList(strategy: RELATION)
  nicknames: [String] @scalarList(strategy: RELATION)
  meta: Json
  birthday: DateTime
  externalId: UUID
  aVeryLongUniqueFieldNameToShowTruncation: String @unique
  createdAt: DateTime! @createdAt
  updatedAt: DateTime! @updatedAt
  profile: Profile @relation(link: INLINE)
  posts: [Post!]!
  friends: [User!]! @relation(name: "Friends")
  mentor: User @relation(name: "Mentorship", link: INLINE)
  mentee: User @relation(name: "Mentorship")
  teams: [Team!]! @relation(name: "Membership")
}
type Profile { id: UUID! @id  bio: String  user: User! }
type Post {
  id: Int! @id
  title: String!
  tags: [Tag!]! @relation(name: "PostTags")
  luckyNumbers: [Int] @scalarList(strategy: RELATION)
  author: User! @db(name: "author_id")
  category: Category
}
type Tag {
  id: Int! @id(strategy: SEQUENCE) @sequence(name: "tag_ids", initialValue: 100, allocationSize: 1)
  label: String! @unique
  posts: [Post!]! @relation(name: "PostTags")
}
type PostTags @relationTable @db(name: "post_tags") { post: Post @db(name: "post_id")  tag: Tag @db(name: "tag_id") }
type Category { id: ID! @id(strategy: NONE)  name: String!  posts: [Post!]!  highlights: [Tag!]! }
type Settings { id: ID! @id  owner: User @relation(link: TABLE)  theme: String }
type Team { id: ID! @id  members: [User!]! @relation(name: "Membership") }
type Membership @relationTable { id: ID! @id  team: Team  user: User }
enum Role { USER ADMIN }
`;

/** Datamodel 1.0 (Appendix A): implicit system fields, string defaults, every relation a link table with an id. */
export const KITCHEN_SINK_1_0 = `
type User {
  id: ID! @unique
  createdAt: DateTime!
  email: String! @unique
  age: Int @default(value: "18")
  score: Float @default(value: "1.5")
  active: Boolean! @default(value: "true")
  role: Role @default(value: "ADMIN")
  nicknames: [String!]!
  meta: Json
  posts: [Post!]! @relation(name: "Authorship", onDelete: CASCADE)
  profile: Profile
  follows: [User!]! @relation(name: "Follows")
}
type Post { id: ID! @unique  title: String!  author: User! @relation(name: "Authorship")  tags: [Tag!]! }
type Profile { id: UUID! @unique  user: User! }
type Tag { name: String! @unique }
enum Role { USER ADMIN }
`;

/** The worked example of spec Appendix B. */
export const APPENDIX_B = `
type User {
  id: ID! @id
  email: String! @unique
  name: String
  role: Role! @default(value: USER)
  posts: [Post!]!
  profile: Profile @relation(link: INLINE)
  createdAt: DateTime! @createdAt
  updatedAt: DateTime! @updatedAt
}
type Profile { id: ID! @id  bio: String  user: User! }
type Post {
  id: ID! @id
  title: String!
  published: Boolean! @default(value: false)
  tags: [String] @scalarList(strategy: RELATION)
  meta: Json
  author: User!
  categories: [Category!]!
  createdAt: DateTime! @createdAt
}
type Category { id: ID! @id  name: String! @unique }
enum Role { USER ADMIN }
`;
