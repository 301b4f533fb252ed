/** The worked example of spec Appendix B (datamodel 1.1). */
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

/** Every field type, directive and relation kind of datamodel 1.0 (Appendix A). */
export const LEGACY_KITCHEN_SINK = `
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
}
type Post {
  id: ID! @unique
  title: String!
  author: User! @relation(name: "Authorship")
  tags: [Tag!]!
}
type Profile { id: UUID! @unique  user: User! }
type Tag { name: String! @unique }
enum Role { USER ADMIN }
`;
