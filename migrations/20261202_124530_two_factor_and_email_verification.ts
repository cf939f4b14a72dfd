import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "two_factor_credentials" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"secret" varchar,
  	"pending_secret" varchar,
  	"enabled_at" timestamp(3) with time zone,
  	"recovery_codes" jsonb,
  	"last_used_step" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "_verified" boolean;
  -- Accounts made before email verification existed count as verified: turning
  -- REQUIRE_EMAIL_VERIFICATION on must not lock them out.
  UPDATE "users" SET "_verified" = true;
  ALTER TABLE "users" ADD COLUMN "_verificationtoken" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "two_factor_credentials_id" integer;
  ALTER TABLE "two_factor_credentials" ADD CONSTRAINT "two_factor_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "two_factor_credentials_user_idx" ON "two_factor_credentials" USING btree ("user_id");
  CREATE INDEX "two_factor_credentials_updated_at_idx" ON "two_factor_credentials" USING btree ("updated_at");
  CREATE INDEX "two_factor_credentials_created_at_idx" ON "two_factor_credentials" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_two_factor_credentials_fk" FOREIGN KEY ("two_factor_credentials_id") REFERENCES "public"."two_factor_credentials"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_two_factor_credentials_id_idx" ON "payload_locked_documents_rels" USING btree ("two_factor_credentials_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "two_factor_credentials" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "two_factor_credentials" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_two_factor_credentials_fk";
  
  DROP INDEX "payload_locked_documents_rels_two_factor_credentials_id_idx";
  ALTER TABLE "users" DROP COLUMN "_verified";
  ALTER TABLE "users" DROP COLUMN "_verificationtoken";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "two_factor_credentials_id";`)
}
