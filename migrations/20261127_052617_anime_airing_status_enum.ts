import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_anime_airing_status" AS ENUM('upcoming', 'airing', 'finished');
  ALTER TABLE "anime" ALTER COLUMN "status" SET DATA TYPE "public"."enum_anime_airing_status" USING "status"::text::"public"."enum_anime_airing_status";
  ALTER TABLE "_anime_v" ALTER COLUMN "version_status" SET DATA TYPE "public"."enum_anime_airing_status" USING "version_status"::text::"public"."enum_anime_airing_status";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "anime" ALTER COLUMN "status" SET DATA TYPE "public"."enum_anime_status" USING NULL; -- the old type could not hold airing statuses
  ALTER TABLE "_anime_v" ALTER COLUMN "version_status" SET DATA TYPE "public"."enum__anime_v_version_status" USING NULL;
  DROP TYPE "public"."enum_anime_airing_status";`)
}
