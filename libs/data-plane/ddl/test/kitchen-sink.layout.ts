// The expected layouts, written out so that any change to the DDL shows in review. Read with
// test/catalog.reader.ts: columns in table order, constraints and indexes sorted by name, names
// inside the project schema unqualified.
import type { Layout } from './catalog.reader.js';

/** What KITCHEN_SINK_1_1 deploys to, read back from the catalog (spec §4). */
export const KITCHEN_SINK_1_1_LAYOUT: Layout = {
  tables: {
    Category: [
      'id character varying(25) NOT NULL',
      'name text NOT NULL',
    ],
    Membership: [
      'id character(25) NOT NULL',
      'team character varying(25) NOT NULL',
      'user character varying(25) NOT NULL',
    ],
    Post: [
      'id integer NOT NULL DEFAULT nextval(\'"Post_id_seq"\'::regclass)',
      'title text NOT NULL',
      'author_id character varying(25)',
      'category character varying(25)',
    ],
    Post_luckyNumbers: [
      'nodeId integer NOT NULL',
      'position integer NOT NULL',
      'value integer NOT NULL',
    ],
    Profile: [
      'id uuid NOT NULL',
      'bio text',
    ],
    Settings: [
      'id character varying(25) NOT NULL',
      'theme text',
    ],
    Tag: [
      'id integer NOT NULL DEFAULT nextval(\'tag_ids\'::regclass)',
      'label text NOT NULL',
    ],
    Team: [
      'id character varying(25) NOT NULL',
    ],
    _CategoryToTag: [
      'A character varying(25) NOT NULL',
      'B integer NOT NULL',
    ],
    _Friends: [
      'A character varying(25) NOT NULL',
      'B character varying(25) NOT NULL',
    ],
    _SettingsToUser: [
      'A character varying(25) NOT NULL',
      'B character varying(25) NOT NULL',
    ],
    post_tags: [
      'post_id integer NOT NULL',
      'tag_id integer NOT NULL',
    ],
    users: [
      'id character varying(25) NOT NULL',
      'email text NOT NULL',
      'full_name text',
      'age integer',
      'score numeric(65,30)',
      'active boolean NOT NULL',
      'role text NOT NULL',
      'meta text',
      'birthday timestamp(3) without time zone',
      'externalId uuid',
      'aVeryLongUniqueFieldNameToShowTruncation text',
      'createdAt timestamp(3) without time zone NOT NULL',
      'updatedAt timestamp(3) without time zone NOT NULL',
      'profile uuid',
      'mentor character varying(25)',
    ],
    users_nicknames: [
      'nodeId character varying(25) NOT NULL',
      'position integer NOT NULL',
      'value text NOT NULL',
    ],
    users_roles: [
      'nodeId character varying(25) NOT NULL',
      'position integer NOT NULL',
      'value text NOT NULL',
    ],
  },
  constraints: {
    Category: [
      'Category_pkey: PRIMARY KEY (id)',
    ],
    Membership: [
      'Membership_pkey: PRIMARY KEY (id)',
      'Membership_team_fkey: FOREIGN KEY (team) REFERENCES "Team"(id) ON DELETE CASCADE',
      'Membership_user_fkey: FOREIGN KEY ("user") REFERENCES users(id) ON DELETE CASCADE',
    ],
    Post: [
      'Post_author_id_fkey: FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE SET NULL',
      'Post_category_fkey: FOREIGN KEY (category) REFERENCES "Category"(id) ON DELETE SET NULL',
      'Post_pkey: PRIMARY KEY (id)',
    ],
    Post_luckyNumbers: [
      'Post_luckyNumbers_nodeId_fkey: FOREIGN KEY ("nodeId") REFERENCES "Post"(id)',
      'Post_luckyNumbers_pkey: PRIMARY KEY ("nodeId", "position")',
    ],
    Profile: [
      'Profile_pkey: PRIMARY KEY (id)',
    ],
    Settings: [
      'Settings_pkey: PRIMARY KEY (id)',
    ],
    Tag: [
      'Tag_pkey: PRIMARY KEY (id)',
    ],
    Team: [
      'Team_pkey: PRIMARY KEY (id)',
    ],
    _CategoryToTag: [
      '_CategoryToTag_A_fkey: FOREIGN KEY ("A") REFERENCES "Category"(id) ON DELETE CASCADE',
      '_CategoryToTag_B_fkey: FOREIGN KEY ("B") REFERENCES "Tag"(id) ON DELETE CASCADE',
    ],
    _Friends: [
      '_Friends_A_fkey: FOREIGN KEY ("A") REFERENCES users(id) ON DELETE CASCADE',
      '_Friends_B_fkey: FOREIGN KEY ("B") REFERENCES users(id) ON DELETE CASCADE',
    ],
    _SettingsToUser: [
      '_SettingsToUser_A_fkey: FOREIGN KEY ("A") REFERENCES "Settings"(id) ON DELETE CASCADE',
      '_SettingsToUser_B_fkey: FOREIGN KEY ("B") REFERENCES users(id) ON DELETE CASCADE',
    ],
    post_tags: [
      'post_tags_post_id_fkey: FOREIGN KEY (post_id) REFERENCES "Post"(id) ON DELETE CASCADE',
      'post_tags_tag_id_fkey: FOREIGN KEY (tag_id) REFERENCES "Tag"(id) ON DELETE CASCADE',
    ],
    users: [
      'users_mentor_fkey: FOREIGN KEY (mentor) REFERENCES users(id) ON DELETE SET NULL',
      'users_pkey: PRIMARY KEY (id)',
      'users_profile_fkey: FOREIGN KEY (profile) REFERENCES "Profile"(id) ON DELETE SET NULL',
    ],
    users_nicknames: [
      'users_nicknames_nodeId_fkey: FOREIGN KEY ("nodeId") REFERENCES users(id)',
      'users_nicknames_pkey: PRIMARY KEY ("nodeId", "position")',
    ],
    users_roles: [
      'users_roles_nodeId_fkey: FOREIGN KEY ("nodeId") REFERENCES users(id)',
      'users_roles_pkey: PRIMARY KEY ("nodeId", "position")',
    ],
  },
  indexes: {
    Category: [
      'Category_pkey: UNIQUE btree (id)',
    ],
    Membership: [
      'Membership_AB_unique: UNIQUE btree (team, "user")',
      'Membership_B: btree ("user")',
      'Membership_pkey: UNIQUE btree (id)',
    ],
    Post: [
      'Post_author_id_idx: btree (author_id)',
      'Post_category_idx: btree (category)',
      'Post_pkey: UNIQUE btree (id)',
    ],
    Post_luckyNumbers: [
      'Post_luckyNumbers_pkey: UNIQUE btree ("nodeId", "position")',
    ],
    Profile: [
      'Profile_pkey: UNIQUE btree (id)',
    ],
    Settings: [
      'Settings_pkey: UNIQUE btree (id)',
    ],
    Tag: [
      'Tag_pkey: UNIQUE btree (id)',
      'kitchen-sink$dev.Tag.label._UNIQUE: UNIQUE btree (label)',
    ],
    Team: [
      'Team_pkey: UNIQUE btree (id)',
    ],
    _CategoryToTag: [
      '_CategoryToTag_AB_unique: UNIQUE btree ("A", "B")',
      '_CategoryToTag_B: btree ("B")',
    ],
    _Friends: [
      '_Friends_AB_unique: UNIQUE btree ("A", "B")',
      '_Friends_B: btree ("B")',
    ],
    _SettingsToUser: [
      '_SettingsToUser_AB_unique: UNIQUE btree ("A", "B")',
      '_SettingsToUser_B: btree ("B")',
    ],
    post_tags: [
      'post_tags_AB_unique: UNIQUE btree (post_id, tag_id)',
      'post_tags_B: btree (tag_id)',
    ],
    users: [
      'kitchen-sink$dev.users.aVeryLongUniqueFieldNameToShowTruncation: UNIQUE btree ("aVeryLongUniqueFieldNameToShowTruncation")',
      'kitchen-sink$dev.users.email._UNIQUE: UNIQUE btree (email)',
      'users_mentor_idx: btree (mentor)',
      'users_pkey: UNIQUE btree (id)',
      'users_profile_idx: btree (profile)',
    ],
    users_nicknames: [
      'users_nicknames_pkey: UNIQUE btree ("nodeId", "position")',
    ],
    users_roles: [
      'users_roles_pkey: UNIQUE btree ("nodeId", "position")',
    ],
  },
  sequences: ['Post_id_seq START 1', 'tag_ids START 100'],
};

/** What KITCHEN_SINK_1_0 deploys to (Appendix A): `_RelayId`, system columns, link tables with ids. */
export const KITCHEN_SINK_1_0_LAYOUT: Layout = {
  tables: {
    Post: [
      'id character varying(25) NOT NULL',
      'title text NOT NULL',
      'createdAt timestamp(3) without time zone NOT NULL',
      'updatedAt timestamp(3) without time zone NOT NULL',
    ],
    Profile: [
      'id uuid NOT NULL',
      'createdAt timestamp(3) without time zone NOT NULL',
      'updatedAt timestamp(3) without time zone NOT NULL',
    ],
    Tag: [
      'id character varying(25) NOT NULL',
      'name text NOT NULL',
      'createdAt timestamp(3) without time zone NOT NULL',
      'updatedAt timestamp(3) without time zone NOT NULL',
    ],
    User: [
      'id character varying(25) NOT NULL',
      'createdAt timestamp(3) without time zone NOT NULL',
      'email text NOT NULL',
      'age integer',
      'score numeric(65,30)',
      'active boolean NOT NULL',
      'role text',
      'meta text',
      'updatedAt timestamp(3) without time zone NOT NULL',
    ],
    User_nicknames: [
      'nodeId character varying(25) NOT NULL',
      'position integer NOT NULL',
      'value text NOT NULL',
    ],
    _Authorship: [
      'id character(25) NOT NULL',
      'A character varying(25) NOT NULL',
      'B character varying(25) NOT NULL',
    ],
    _Follows: [
      'id character(25) NOT NULL',
      'A character varying(25) NOT NULL',
      'B character varying(25) NOT NULL',
    ],
    _PostToTag: [
      'id character(25) NOT NULL',
      'A character varying(25) NOT NULL',
      'B character varying(25) NOT NULL',
    ],
    _ProfileToUser: [
      'id character(25) NOT NULL',
      'A uuid NOT NULL',
      'B character varying(25) NOT NULL',
    ],
    _RelayId: [
      'id character varying(36) NOT NULL',
      'stableModelIdentifier character varying(25) NOT NULL',
    ],
  },
  constraints: {
    Post: [
      'Post_pkey: PRIMARY KEY (id)',
    ],
    Profile: [
      'Profile_pkey: PRIMARY KEY (id)',
    ],
    Tag: [
      'Tag_pkey: PRIMARY KEY (id)',
    ],
    User: [
      'User_pkey: PRIMARY KEY (id)',
    ],
    User_nicknames: [
      'User_nicknames_nodeId_fkey: FOREIGN KEY ("nodeId") REFERENCES "User"(id)',
      'User_nicknames_pkey: PRIMARY KEY ("nodeId", "position")',
    ],
    _Authorship: [
      '_Authorship_A_fkey: FOREIGN KEY ("A") REFERENCES "Post"(id) ON DELETE CASCADE',
      '_Authorship_B_fkey: FOREIGN KEY ("B") REFERENCES "User"(id) ON DELETE CASCADE',
      '_Authorship_pkey: PRIMARY KEY (id)',
    ],
    _Follows: [
      '_Follows_A_fkey: FOREIGN KEY ("A") REFERENCES "User"(id) ON DELETE CASCADE',
      '_Follows_B_fkey: FOREIGN KEY ("B") REFERENCES "User"(id) ON DELETE CASCADE',
      '_Follows_pkey: PRIMARY KEY (id)',
    ],
    _PostToTag: [
      '_PostToTag_A_fkey: FOREIGN KEY ("A") REFERENCES "Post"(id) ON DELETE CASCADE',
      '_PostToTag_B_fkey: FOREIGN KEY ("B") REFERENCES "Tag"(id) ON DELETE CASCADE',
      '_PostToTag_pkey: PRIMARY KEY (id)',
    ],
    _ProfileToUser: [
      '_ProfileToUser_A_fkey: FOREIGN KEY ("A") REFERENCES "Profile"(id) ON DELETE CASCADE',
      '_ProfileToUser_B_fkey: FOREIGN KEY ("B") REFERENCES "User"(id) ON DELETE CASCADE',
      '_ProfileToUser_pkey: PRIMARY KEY (id)',
    ],
    _RelayId: [
      'pk_RelayId: PRIMARY KEY (id)',
    ],
  },
  indexes: {
    Post: [
      'Post_pkey: UNIQUE btree (id)',
    ],
    Profile: [
      'Profile_pkey: UNIQUE btree (id)',
    ],
    Tag: [
      'Tag_pkey: UNIQUE btree (id)',
      'legacy$dev.Tag.name._UNIQUE: UNIQUE btree (name)',
    ],
    User: [
      'User_pkey: UNIQUE btree (id)',
      'legacy$dev.User.email._UNIQUE: UNIQUE btree (email)',
    ],
    User_nicknames: [
      'User_nicknames_pkey: UNIQUE btree ("nodeId", "position")',
    ],
    _Authorship: [
      '_Authorship_AB_unique: UNIQUE btree ("A", "B")',
      '_Authorship_B: btree ("B")',
      '_Authorship_pkey: UNIQUE btree (id)',
    ],
    _Follows: [
      '_Follows_AB_unique: UNIQUE btree ("A", "B")',
      '_Follows_B: btree ("B")',
      '_Follows_pkey: UNIQUE btree (id)',
    ],
    _PostToTag: [
      '_PostToTag_AB_unique: UNIQUE btree ("A", "B")',
      '_PostToTag_B: btree ("B")',
      '_PostToTag_pkey: UNIQUE btree (id)',
    ],
    _ProfileToUser: [
      '_ProfileToUser_AB_unique: UNIQUE btree ("A", "B")',
      '_ProfileToUser_B: btree ("B")',
      '_ProfileToUser_pkey: UNIQUE btree (id)',
    ],
    _RelayId: [
      'pk_RelayId: UNIQUE btree (id)',
    ],
  },
  sequences: [],
};
