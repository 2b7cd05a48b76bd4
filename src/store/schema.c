/*
 * schema.c: the store's migrations, numbered and append-only.
 *
 * Step N brings a database from schema version N-1 to N; the version is
 * kept in PRAGMA user_version and each step runs in its own transaction.
 * A released step is never edited: a change to the schema is a new step
 * at the end.  Identifiers and SQL here are written in the dialect SQLite
 * and PostgreSQL share, except "INTEGER PRIMARY KEY", which a PostgreSQL
 * backend turns into an identity column.
 */
#include "store.h"
#include "db.h"

static const char *const migrations[] = {
	/* 1: the partnership, its plan, governance and funding. */
	"CREATE TABLE meta ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	");"
	"CREATE TABLE partnership ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  area TEXT NOT NULL,"
	"  description TEXT,"
	"  is_example INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE former_name ("
	"  id INTEGER PRIMARY KEY,"
	"  partnership_id INTEGER NOT NULL REFERENCES partnership(id)"
	"    ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  note TEXT"
	");"
	"CREATE TABLE organisation ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  short_name TEXT,"
	"  sector TEXT NOT NULL,"
	"  is_member INTEGER NOT NULL DEFAULT 1,"
	"  note TEXT,"
	"  is_example INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE person ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  role TEXT,"
	"  organisation_id INTEGER REFERENCES organisation(id),"
	"  is_example INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX person_organisation ON person(organisation_id);"
	"CREATE TABLE board ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL,"
	"  parent_id INTEGER REFERENCES board(id),"
	"  chair_id INTEGER REFERENCES person(id),"
	"  terms_of_reference TEXT,"
	"  position INTEGER NOT NULL DEFAULT 0,"
	"  is_example INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE board_member ("
	"  board_id INTEGER NOT NULL REFERENCES board(id) ON DELETE CASCADE,"
	"  person_id INTEGER NOT NULL REFERENCES person(id),"
	"  role TEXT,"
	"  is_example INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (board_id, person_id)"
	");"
	"CREATE TABLE plan ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL,"
	"  period_start TEXT NOT NULL,"
	"  period_end TEXT NOT NULL,"
	"  status TEXT NOT NULL,"
	"  approved_by TEXT,"
	"  approved_on TEXT,"
	"  note TEXT,"
	"  is_example INTEGER NOT NULL DEFAULT 0,"
	"  CHECK (period_start <= period_end)"
	");"
	"CREATE TABLE theme ("
	"  id INTEGER PRIMARY KEY,"
	"  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  description TEXT,"
	"  lead_id INTEGER REFERENCES person(id),"
	"  position INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (plan_id, name)"
	");"
	"CREATE TABLE priority ("
	"  id INTEGER PRIMARY KEY,"
	"  theme_id INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  description TEXT,"
	"  position INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (theme_id, name)"
	");"
	"CREATE TABLE framework ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  owner TEXT,"
	"  period TEXT,"
	"  note TEXT"
	");"
	"CREATE TABLE outcome_group ("
	"  id INTEGER PRIMARY KEY,"
	"  framework_id INTEGER NOT NULL REFERENCES framework(id)"
	"    ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  position INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE outcome ("
	"  id INTEGER PRIMARY KEY,"
	"  framework_id INTEGER NOT NULL REFERENCES framework(id)"
	"    ON DELETE CASCADE,"
	"  group_id INTEGER NOT NULL REFERENCES outcome_group(id)"
	"    ON DELETE CASCADE,"
	"  number INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  UNIQUE (framework_id, number)"
	");"
	"CREATE TABLE priority_outcome ("
	"  priority_id INTEGER NOT NULL REFERENCES priority(id)"
	"    ON DELETE CASCADE,"
	"  outcome_id INTEGER NOT NULL REFERENCES outcome(id)"
	"    ON DELETE CASCADE,"
	"  is_example INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (priority_id, outcome_id)"
	");"
	"CREATE TABLE action ("
	"  id INTEGER PRIMARY KEY,"
	"  plan_id INTEGER NOT NULL REFERENCES plan(id),"
	"  theme_id INTEGER REFERENCES theme(id),"
	"  priority_id INTEGER REFERENCES priority(id),"
	"  title TEXT NOT NULL,"
	"  description TEXT,"
	"  owner_id INTEGER REFERENCES person(id),"
	"  due_on TEXT,"
	"  status TEXT NOT NULL,"
	"  rag TEXT,"
	"  is_example INTEGER NOT NULL DEFAULT 0,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX action_plan ON action(plan_id, theme_id);"
	"CREATE INDEX action_owner ON action(owner_id);"
	"CREATE TABLE action_update ("
	"  id INTEGER PRIMARY KEY,"
	"  action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,"
	"  author_id INTEGER REFERENCES person(id),"
	"  body TEXT NOT NULL,"
	"  status TEXT,"
	"  rag TEXT,"
	"  created_at TEXT NOT NULL,"
	"  is_example INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX action_update_action ON action_update(action_id, created_at);"
	"CREATE TABLE fund ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  year TEXT NOT NULL,"
	"  grantor TEXT,"
	"  allocation_pence INTEGER NOT NULL CHECK (allocation_pence >= 0),"
	"  note TEXT,"
	"  is_example INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (name, year)"
	");"
	"CREATE TABLE award ("
	"  id INTEGER PRIMARY KEY,"
	"  fund_id INTEGER NOT NULL REFERENCES fund(id) ON DELETE CASCADE,"
	"  recipient TEXT NOT NULL,"
	"  purpose TEXT,"
	"  amount_pence INTEGER CHECK (amount_pence >= 0),"
	"  priority_id INTEGER REFERENCES priority(id),"
	"  status TEXT NOT NULL,"
	"  note TEXT,"
	"  is_example INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX award_fund ON award(fund_id);",

	/* 2: police.uk data, geography and peer groups.  Records are kept
	 * in batches (one kind of file, one force, one month), each column
	 * a blob (src/crime/column.h); strings are dictionary ids. */
	"CREATE TABLE crime_dict ("
	"  domain TEXT NOT NULL,"
	"  id INTEGER NOT NULL,"
	"  value TEXT NOT NULL,"
	"  extra TEXT,"
	"  PRIMARY KEY (domain, id)"
	");"
	"CREATE TABLE crime_file ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  bytes INTEGER NOT NULL,"
	"  imported_at TEXT NOT NULL"
	");"
	"CREATE TABLE crime_batch ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  force_id INTEGER NOT NULL,"
	"  month INTEGER NOT NULL,"
	"  file_id INTEGER NOT NULL REFERENCES crime_file(id),"
	"  rows INTEGER NOT NULL,"
	"  no_location INTEGER NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  is_generated INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (kind, force_id, month)"
	");"
	"CREATE TABLE crime_column ("
	"  batch_id INTEGER NOT NULL REFERENCES crime_batch(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  data BLOB NOT NULL,"
	"  PRIMARY KEY (batch_id, name)"
	");"
	"CREATE TABLE geo_lsoa ("
	"  code TEXT PRIMARY KEY,"
	"  name TEXT,"
	"  ward_code TEXT,"
	"  ward_name TEXT,"
	"  la_code TEXT,"
	"  la_name TEXT,"
	"  force TEXT,"
	"  population INTEGER,"
	"  households INTEGER,"
	"  vintage INTEGER"
	");"
	"CREATE TABLE peer_group ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  note TEXT"
	");"
	"CREATE TABLE peer_group_member ("
	"  group_id INTEGER NOT NULL REFERENCES peer_group(id) ON DELETE CASCADE,"
	"  area TEXT NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  PRIMARY KEY (group_id, area)"
	");",

	/* 3: indicators of performance and their values. */
	"CREATE TABLE indicator ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL UNIQUE,"
	"  description TEXT,"
	"  unit TEXT NOT NULL,"
	"  per INTEGER,"
	"  polarity TEXT NOT NULL,"
	"  frequency TEXT,"
	"  source TEXT,"
	"  owner TEXT,"
	"  sensitivity TEXT NOT NULL,"
	"  ci_method TEXT NOT NULL,"
	"  comparison TEXT NOT NULL,"
	"  benchmark TEXT,"
	"  peer_group TEXT,"
	"  target REAL,"
	"  target_note TEXT,"
	"  baseline REAL,"
	"  baseline_period TEXT,"
	"  crime_type TEXT,"
	"  is_example INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE indicator_link ("
	"  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL,"
	"  target_id INTEGER NOT NULL,"
	"  PRIMARY KEY (indicator_id, kind, target_id)"
	");"
	"CREATE TABLE indicator_value ("
	"  id INTEGER PRIMARY KEY,"
	"  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,"
	"  area TEXT NOT NULL,"
	"  area_code TEXT,"
	"  period TEXT NOT NULL,"
	"  period_start TEXT NOT NULL,"
	"  period_end TEXT NOT NULL,"
	"  numerator REAL,"
	"  denominator REAL,"
	"  value REAL,"
	"  note TEXT,"
	"  source TEXT,"
	"  is_example INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (indicator_id, area, period)"
	");"
	"CREATE INDEX indicator_value_period ON indicator_value(indicator_id,"
	"  period_start);",

	/* 4: the history of imports, and police.uk batches that an import
	 * writes unseen (pending) and publishes at once, keeping the batches
	 * they replace (superseded) so that an import can be undone.  Only
	 * live batches are unique by kind, force and month.  What was
	 * imported before becomes import 1.  crime_batch is rebuilt (with
	 * foreign keys off, so crime_column keeps its rows). */
	"CREATE TABLE import ("
	"  id INTEGER PRIMARY KEY,"
	"  source TEXT NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN ('running', 'done', 'undone')),"
	"  started_at TEXT NOT NULL,"
	"  finished_at TEXT,"
	"  by_user TEXT,"
	"  by_account INTEGER,"
	"  process TEXT,"
	"  rows_read INTEGER NOT NULL DEFAULT 0,"
	"  rows_added INTEGER NOT NULL DEFAULT 0,"
	"  rows_replaced INTEGER NOT NULL DEFAULT 0,"
	"  rows_unchanged INTEGER NOT NULL DEFAULT 0,"
	"  rows_skipped INTEGER NOT NULL DEFAULT 0,"
	"  note TEXT,"
	"  undone_at TEXT,"
	"  undone_by TEXT"
	");"
	"CREATE TABLE import_file ("
	"  id INTEGER PRIMARY KEY,"
	"  import_id INTEGER NOT NULL REFERENCES import(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  bytes INTEGER NOT NULL,"
	"  sha256 TEXT,"
	"  rows INTEGER"
	");"
	"CREATE INDEX import_file_import ON import_file(import_id, position);"
	"INSERT INTO import (id, source, state, started_at, finished_at,"
	"  rows_read, rows_added, note)"
	" SELECT 1, 'police', 'done',"
	"  (SELECT min(imported_at) FROM crime_file),"
	"  (SELECT max(imported_at) FROM crime_file),"
	"  (SELECT sum(rows) FROM crime_batch), (SELECT sum(rows) FROM crime_batch),"
	"  'imported before safer kept a history of imports'"
	" WHERE EXISTS (SELECT 1 FROM crime_batch);"
	"INSERT INTO import_file (import_id, position, name, bytes, rows)"
	" SELECT 1, f.id, f.name, f.bytes,"
	"  (SELECT coalesce(sum(b.rows), 0) FROM crime_batch b WHERE b.file_id = f.id)"
	" FROM crime_file f WHERE EXISTS (SELECT 1 FROM import WHERE id = 1);"
	"ALTER TABLE crime_file ADD COLUMN import_id INTEGER REFERENCES import(id);"
	"UPDATE crime_file SET import_id = 1"
	" WHERE EXISTS (SELECT 1 FROM import WHERE id = 1);"
	"CREATE TABLE crime_batch_new ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  force_id INTEGER NOT NULL,"
	"  month INTEGER NOT NULL,"
	"  file_id INTEGER NOT NULL REFERENCES crime_file(id),"
	"  rows INTEGER NOT NULL,"
	"  no_location INTEGER NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  is_generated INTEGER NOT NULL DEFAULT 0,"
	"  state TEXT NOT NULL DEFAULT 'live' CHECK (state IN ('pending', 'live',"
	"    'superseded', 'discarded')),"
	"  import_id INTEGER REFERENCES import(id),"
	"  superseded_by INTEGER REFERENCES import(id)"
	");"
	"INSERT INTO crime_batch_new (id, kind, force_id, month, file_id, rows,"
	"  no_location, hash, is_generated, state, import_id)"
	" SELECT id, kind, force_id, month, file_id, rows, no_location, hash,"
	"  is_generated, 'live', 1 FROM crime_batch;"
	"DROP TABLE crime_batch;"
	"ALTER TABLE crime_batch_new RENAME TO crime_batch;"
	"CREATE UNIQUE INDEX crime_batch_live ON crime_batch(kind, force_id, month)"
	"  WHERE state = 'live';"
	"CREATE INDEX crime_batch_import ON crime_batch(import_id, state);"
	"CREATE INDEX crime_batch_superseded ON crime_batch(superseded_by);"
	"CREATE INDEX crime_batch_file ON crime_batch(file_id);"
	"CREATE INDEX crime_file_import ON crime_file(import_id);",

	/* 5: running a partnership.  Accounts with their roles (and, for a
	 * lead, the themes and boards they lead), sessions and API tokens
	 * (kept as hashes only), failed sign-ins for the throttle; the
	 * record of every change (audit), each entry carrying the hash of
	 * the one before, which no statement may change or remove; objects
	 * archived rather than deleted when others refer to them; priority
	 * areas with the dates they were in the plan and their earlier
	 * wordings; the account that wrote a progress update. */
	"CREATE TABLE account ("
	"  id INTEGER PRIMARY KEY,"
	"  email TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'lead',"
	"    'analyst', 'viewer')),"
	"  password_hash TEXT NOT NULL,"
	"  person_id INTEGER REFERENCES person(id),"
	"  created_at TEXT NOT NULL,"
	"  disabled_at TEXT,"
	"  password_changed_at TEXT"
	");"
	"CREATE TABLE account_scope ("
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('theme', 'board')),"
	"  target_id INTEGER NOT NULL,"
	"  PRIMARY KEY (account_id, kind, target_id)"
	");"
	"CREATE TABLE session ("
	"  id INTEGER PRIMARY KEY,"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  form_token TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  last_seen_at TEXT NOT NULL,"
	"  expires_at TEXT NOT NULL,"
	"  address TEXT"
	");"
	"CREATE INDEX session_account ON session(account_id);"
	"CREATE TABLE api_token ("
	"  id INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  name TEXT,"
	"  token_hash TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL,"
	"  last_used_at TEXT,"
	"  revoked_at TEXT"
	");"
	"CREATE INDEX api_token_account ON api_token(account_id);"
	"CREATE TABLE signin_failure ("
	"  id INTEGER PRIMARY KEY,"
	"  key TEXT NOT NULL,"
	"  at TEXT NOT NULL"
	");"
	"CREATE INDEX signin_failure_key ON signin_failure(key, at);"
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  by_user TEXT,"
	"  by_account INTEGER,"
	"  via TEXT NOT NULL,"
	"  object_type TEXT NOT NULL,"
	"  object_id INTEGER NOT NULL,"
	"  op TEXT NOT NULL,"
	"  changes TEXT NOT NULL,"
	"  prev_hash TEXT NOT NULL,"
	"  hash TEXT NOT NULL"
	");"
	"CREATE INDEX audit_object ON audit(object_type, object_id);"
	"CREATE INDEX audit_account ON audit(by_account);"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	" BEGIN SELECT RAISE(ABORT, 'the record of changes cannot be changed'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	" BEGIN SELECT RAISE(ABORT, 'the record of changes cannot be changed'); END;"
	"ALTER TABLE plan ADD COLUMN archived_at TEXT;"
	"ALTER TABLE plan ADD COLUMN approved_by_board_id INTEGER REFERENCES board(id);"
	"ALTER TABLE plan ADD COLUMN previous_id INTEGER REFERENCES plan(id);"
	"ALTER TABLE theme ADD COLUMN archived_at TEXT;"
	"ALTER TABLE priority ADD COLUMN archived_at TEXT;"
	"ALTER TABLE priority ADD COLUMN added_on TEXT;"
	"ALTER TABLE priority ADD COLUMN removed_on TEXT;"
	"CREATE TABLE priority_revision ("
	"  id INTEGER PRIMARY KEY,"
	"  priority_id INTEGER NOT NULL REFERENCES priority(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  description TEXT,"
	"  valid_until TEXT NOT NULL"
	");"
	"CREATE INDEX priority_revision_priority ON priority_revision(priority_id,"
	"  valid_until);"
	"ALTER TABLE framework ADD COLUMN archived_at TEXT;"
	"ALTER TABLE outcome ADD COLUMN archived_at TEXT;"
	"ALTER TABLE organisation ADD COLUMN archived_at TEXT;"
	"ALTER TABLE person ADD COLUMN archived_at TEXT;"
	"ALTER TABLE board ADD COLUMN archived_at TEXT;"
	"ALTER TABLE fund ADD COLUMN archived_at TEXT;"
	"ALTER TABLE award ADD COLUMN archived_at TEXT;"
	"ALTER TABLE action ADD COLUMN archived_at TEXT;"
	"ALTER TABLE action_update ADD COLUMN author_account_id INTEGER"
	"  REFERENCES account(id);",
};

int store_schema_version(void)
{
	return (int)ARRAY_SIZE(migrations);
}

/* Take the steps from version have on.  Foreign keys are off meanwhile
 * (a step may rebuild a table that others refer to, as SQLite's
 * documentation does it), and each step is checked for rows that refer
 * to nothing before it commits. */
static int migrate_steps(struct db *db, int64_t have, size_t to,
			 struct err *e)
{
	for (size_t i = (size_t)have; i < to; i++) {
		bool broken;

		if (db_begin(db, e) < 0)
			return -1;
		/* Another process may have taken this step since we looked. */
		if (db_user_version(db, &have, e) < 0) {
			db_rollback(db);
			return -1;
		}
		if (have > (int64_t)i) {
			db_rollback(db);
			i = (size_t)have - 1;
			continue;
		}
		if (db_exec_script(db, migrations[i], e) < 0 ||
		    db_set_user_version(db, (int64_t)i + 1, e) < 0 ||
		    db_fk_violations(db, &broken, e) < 0) {
			db_rollback(db);
			return -1;
		}
		if (broken) {
			db_rollback(db);
			return err_set(e, ERR_DB, NULL,
				       "schema step %zu would leave rows that "
				       "refer to nothing; the database is as it was",
				       i + 1);
		}
		if (db_commit(db, e) < 0)
			return -1;
	}
	return 0;
}

int store_migrate(struct db *db, struct err *e)
{
	return store_migrate_to(db, store_schema_version(), e);
}

int store_migrate_to(struct db *db, int version, struct err *e)
{
	int64_t have;
	int rc;

	if (db_user_version(db, &have, e) < 0)
		return -1;
	if (have > (int64_t)ARRAY_SIZE(migrations))
		return err_set(e, ERR_DB, NULL,
			       "the database has schema version %lld, newer than "
			       "this safer knows (%zu); use a newer safer",
			       (long long)have, ARRAY_SIZE(migrations));
	if (have >= version)
		return 0;
	if (db_foreign_keys(db, false, e) < 0)
		return -1;
	rc = migrate_steps(db, have, (size_t)version, e);
	if (db_foreign_keys(db, true, rc < 0 ? NULL : e) < 0)
		rc = -1;
	return rc;
}
