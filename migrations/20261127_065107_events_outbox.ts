import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Domain events: the outbox (the hidden `event-outbox` collection, generated) plus, by hand,
 * - a partial index over the unsent rows, which is all the relay ever scans (sent rows pile up
 *   until the retention clean-up and must not slow the claim query);
 * - `event_receipts`, the message ids each consumer has handled (deduplication), plain SQL:
 *   consumers use it without Payload.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "event_outbox" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"message" jsonb NOT NULL,
  	"attempts" numeric DEFAULT 0,
  	"next_attempt_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"last_error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "event_outbox_id" integer;
  CREATE UNIQUE INDEX "event_outbox_event_id_idx" ON "event_outbox" USING btree ("event_id");
  CREATE INDEX "event_outbox_updated_at_idx" ON "event_outbox" USING btree ("updated_at");
  CREATE INDEX "event_outbox_created_at_idx" ON "event_outbox" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_outbox_fk" FOREIGN KEY ("event_outbox_id") REFERENCES "public"."event_outbox"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_event_outbox_id_idx" ON "payload_locked_documents_rels" USING btree ("event_outbox_id");`)

  await db.execute(sql`
  CREATE INDEX "event_outbox_unsent_idx" ON "event_outbox" USING btree ("id") WHERE "sent_at" IS NULL;
  CREATE TABLE "event_receipts" (
    "consumer" varchar NOT NULL,
    "message_id" varchar NOT NULL,
    "received_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
    PRIMARY KEY ("consumer", "message_id")
  );
  CREATE INDEX "event_receipts_received_at_idx" ON "event_receipts" USING btree ("received_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // The generated order dropped the table (CASCADE takes the foreign key with it) before the
  // foreign key, which then failed: the locked-documents column goes first.
  await db.execute(sql`
  DROP TABLE IF EXISTS "event_receipts";
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_event_outbox_fk";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_event_outbox_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "event_outbox_id";
  DROP TABLE "event_outbox" CASCADE;`)
}
