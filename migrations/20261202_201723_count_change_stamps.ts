import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * A change stamp per table, for the exact count cache (src/platform/database/withCountCache.ts):
 * every committed change to `anime` that can change a count moves its stamp to a new value from a
 * sequence, in the writer's own transaction, so a reader sees the new stamp exactly when it sees
 * the change. Values are never reused (a rolled-back change's value is skipped for good).
 * Updates that change only the server-kept counters (`view_count`, `favorites_count`, one per view
 * or favourite) leave the stamp alone so that those hot writes do not all queue on the stamp's row;
 * counts filtered on those two columns are never cached. Outside Payload's schema, like the search
 * columns' indexes: nothing in the API reads or writes it.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE SEQUENCE "table_change_stamp_seq";
  CREATE TABLE "table_change_stamps" (
    "table_name" text PRIMARY KEY NOT NULL,
    "stamp" bigint NOT NULL
  );
  INSERT INTO "table_change_stamps" ("table_name", "stamp") VALUES ('anime', nextval('table_change_stamp_seq'));

  CREATE FUNCTION "bump_table_change_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE "table_change_stamps" SET "stamp" = nextval('table_change_stamp_seq') WHERE "table_name" = TG_TABLE_NAME;
    RETURN NULL;
  END
  $$;

  CREATE TRIGGER "anime_change_stamp_on_write" AFTER INSERT OR DELETE OR TRUNCATE ON "anime"
    FOR EACH STATEMENT EXECUTE FUNCTION "bump_table_change_stamp"();
  -- Per row, so that an update of the counters alone can be told apart (every other column,
  -- present or future, counts).
  CREATE TRIGGER "anime_change_stamp_on_update" AFTER UPDATE ON "anime"
    FOR EACH ROW WHEN ((to_jsonb(OLD) - 'view_count' - 'favorites_count') IS DISTINCT FROM (to_jsonb(NEW) - 'view_count' - 'favorites_count'))
    EXECUTE FUNCTION "bump_table_change_stamp"();`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS "anime_change_stamp_on_update" ON "anime";
  DROP TRIGGER IF EXISTS "anime_change_stamp_on_write" ON "anime";
  DROP FUNCTION IF EXISTS "bump_table_change_stamp"();
  DROP TABLE IF EXISTS "table_change_stamps";
  DROP SEQUENCE IF EXISTS "table_change_stamp_seq";`)
}
