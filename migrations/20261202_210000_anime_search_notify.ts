import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Tells every instance's in-process search index (src/domains/anime/search/memory) which anime
 * rows changed, whoever changed them (Payload, the view and favorite counters, imports, SQL):
 * statement triggers send the changed ids on the channel `anime_search_changed` at commit, or `*`
 * when a statement changed more than 500 rows (the listeners then reload everything).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION anime_search_notify() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    changed int;
    ids text;
  BEGIN
    IF TG_OP = 'DELETE' THEN
      SELECT count(*), string_agg(id::text, ',') INTO changed, ids FROM (SELECT id FROM old_rows LIMIT 501) r;
    ELSE
      SELECT count(*), string_agg(id::text, ',') INTO changed, ids FROM (SELECT id FROM new_rows LIMIT 501) r;
    END IF;
    IF changed > 500 THEN
      PERFORM pg_notify('anime_search_changed', '*');
    ELSIF changed > 0 THEN
      PERFORM pg_notify('anime_search_changed', ids);
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER anime_search_notify_insert AFTER INSERT ON "anime" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION anime_search_notify();
  CREATE TRIGGER anime_search_notify_update AFTER UPDATE ON "anime" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION anime_search_notify();
  CREATE TRIGGER anime_search_notify_delete AFTER DELETE ON "anime" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION anime_search_notify();`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TRIGGER IF EXISTS anime_search_notify_insert ON "anime";
  DROP TRIGGER IF EXISTS anime_search_notify_update ON "anime";
  DROP TRIGGER IF EXISTS anime_search_notify_delete ON "anime";
  DROP FUNCTION IF EXISTS anime_search_notify();`)
}
