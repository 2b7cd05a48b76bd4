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
};

int store_schema_version(void)
{
	return (int)ARRAY_SIZE(migrations);
}

int store_migrate(struct db *db, struct err *e)
{
	int64_t have;

	if (db_user_version(db, &have, e) < 0)
		return -1;
	if (have > (int64_t)ARRAY_SIZE(migrations))
		return err_set(e, ERR_DB, NULL,
			       "the database has schema version %lld, newer than "
			       "this safer knows (%zu); use a newer safer",
			       (long long)have, ARRAY_SIZE(migrations));
	for (size_t i = (size_t)have; i < ARRAY_SIZE(migrations); i++) {
		if (db_begin(db, e) < 0)
			return -1;
		if (db_exec_script(db, migrations[i], e) < 0 ||
		    db_set_user_version(db, (int64_t)i + 1, e) < 0) {
			db_rollback(db);
			return -1;
		}
		if (db_commit(db, e) < 0)
			return -1;
	}
	return 0;
}
