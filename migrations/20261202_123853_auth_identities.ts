import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_auth_identities_provider" AS ENUM('google', 'vk', 'yandex', 'telegram');
  CREATE TABLE "auth_identities" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"provider" "enum_auth_identities_provider" NOT NULL,
  	"subject" varchar NOT NULL,
  	"email" varchar,
  	"display_name" varchar,
  	"created_password_fingerprint" varchar,
  	"last_sign_in_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "auth_identities_id" integer;
  ALTER TABLE "auth_identities" ADD CONSTRAINT "auth_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "auth_identities_user_idx" ON "auth_identities" USING btree ("user_id");
  CREATE INDEX "auth_identities_updated_at_idx" ON "auth_identities" USING btree ("updated_at");
  CREATE INDEX "auth_identities_created_at_idx" ON "auth_identities" USING btree ("created_at");
  CREATE UNIQUE INDEX "provider_subject_idx" ON "auth_identities" USING btree ("provider","subject");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_auth_identities_fk" FOREIGN KEY ("auth_identities_id") REFERENCES "public"."auth_identities"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_auth_identities_id_idx" ON "payload_locked_documents_rels" USING btree ("auth_identities_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "auth_identities" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "auth_identities" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_auth_identities_fk";
  
  DROP INDEX "payload_locked_documents_rels_auth_identities_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "auth_identities_id";
  DROP TYPE "public"."enum_auth_identities_provider";`)
}
