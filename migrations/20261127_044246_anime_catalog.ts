import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_anime_kind" AS ENUM('tv', 'movie', 'ova', 'ona', 'special', 'music');
  CREATE TYPE "public"."enum_anime_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_anime_age_rating" AS ENUM('g', 'pg', 'pg13', 'r', 'r_plus', 'rx');
  CREATE TYPE "public"."enum_anime_season" AS ENUM('winter', 'spring', 'summer', 'fall');
  CREATE TYPE "public"."enum__anime_v_version_kind" AS ENUM('tv', 'movie', 'ova', 'ona', 'special', 'music');
  CREATE TYPE "public"."enum__anime_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__anime_v_version_age_rating" AS ENUM('g', 'pg', 'pg13', 'r', 'r_plus', 'rx');
  CREATE TYPE "public"."enum__anime_v_version_season" AS ENUM('winter', 'spring', 'summer', 'fall');
  CREATE TYPE "public"."enum_lists_visibility" AS ENUM('private', 'unlisted', 'public');
  CREATE TABLE "favorites" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer,
  	"item_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "favorites_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"anime_id" integer
  );
  
  CREATE TABLE "anime_alt_titles" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar
  );
  
  CREATE TABLE "anime" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"title_english" varchar,
  	"title_japanese" varchar,
  	"title_russian" varchar,
  	"slug" varchar,
  	"synopsis" jsonb,
  	"kind" "enum_anime_kind",
  	"status" "enum_anime_status",
  	"age_rating" "enum_anime_age_rating",
  	"episodes" numeric,
  	"episode_minutes" numeric,
  	"season" "enum_anime_season",
  	"year" numeric,
  	"aired_from" timestamp(3) with time zone,
  	"aired_to" timestamp(3) with time zone,
  	"poster_id" integer,
  	"score" numeric,
  	"external_ids_mal" numeric,
  	"external_ids_anilist" numeric,
  	"external_ids_kitsu" numeric,
  	"view_count" numeric DEFAULT 0,
  	"favorites_count" numeric DEFAULT 0,
  	"search_titles" varchar,
  	"search_synopsis" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_anime_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "anime_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"genres_id" integer,
  	"studios_id" integer
  );
  
  CREATE TABLE "_anime_v_version_alt_titles" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_anime_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_title_english" varchar,
  	"version_title_japanese" varchar,
  	"version_title_russian" varchar,
  	"version_slug" varchar,
  	"version_synopsis" jsonb,
  	"version_kind" "enum__anime_v_version_kind",
  	"version_status" "enum__anime_v_version_status",
  	"version_age_rating" "enum__anime_v_version_age_rating",
  	"version_episodes" numeric,
  	"version_episode_minutes" numeric,
  	"version_season" "enum__anime_v_version_season",
  	"version_year" numeric,
  	"version_aired_from" timestamp(3) with time zone,
  	"version_aired_to" timestamp(3) with time zone,
  	"version_poster_id" integer,
  	"version_score" numeric,
  	"version_external_ids_mal" numeric,
  	"version_external_ids_anilist" numeric,
  	"version_external_ids_kitsu" numeric,
  	"version_view_count" numeric DEFAULT 0,
  	"version_favorites_count" numeric DEFAULT 0,
  	"version_search_titles" varchar,
  	"version_search_synopsis" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__anime_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_anime_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"genres_id" integer,
  	"studios_id" integer
  );
  
  CREATE TABLE "genres" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "studios" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "lists_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"anime_id" integer NOT NULL,
  	"note" varchar,
  	"added_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "lists" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"owner_id" integer,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"visibility" "enum_lists_visibility" DEFAULT 'private' NOT NULL,
  	"hidden" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "views" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"anime_id" integer NOT NULL,
  	"episode" numeric,
  	"progress_seconds" numeric,
  	"last_viewed_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "favorites_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "anime_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "genres_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "studios_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "lists_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "views_id" integer;
  ALTER TABLE "favorites" ADD CONSTRAINT "favorites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "favorites_rels" ADD CONSTRAINT "favorites_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."favorites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "favorites_rels" ADD CONSTRAINT "favorites_rels_anime_fk" FOREIGN KEY ("anime_id") REFERENCES "public"."anime"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "anime_alt_titles" ADD CONSTRAINT "anime_alt_titles_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."anime"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "anime" ADD CONSTRAINT "anime_poster_id_media_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "anime_rels" ADD CONSTRAINT "anime_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."anime"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "anime_rels" ADD CONSTRAINT "anime_rels_genres_fk" FOREIGN KEY ("genres_id") REFERENCES "public"."genres"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "anime_rels" ADD CONSTRAINT "anime_rels_studios_fk" FOREIGN KEY ("studios_id") REFERENCES "public"."studios"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_anime_v_version_alt_titles" ADD CONSTRAINT "_anime_v_version_alt_titles_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_anime_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_anime_v" ADD CONSTRAINT "_anime_v_parent_id_anime_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."anime"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_anime_v" ADD CONSTRAINT "_anime_v_version_poster_id_media_id_fk" FOREIGN KEY ("version_poster_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_anime_v_rels" ADD CONSTRAINT "_anime_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_anime_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_anime_v_rels" ADD CONSTRAINT "_anime_v_rels_genres_fk" FOREIGN KEY ("genres_id") REFERENCES "public"."genres"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_anime_v_rels" ADD CONSTRAINT "_anime_v_rels_studios_fk" FOREIGN KEY ("studios_id") REFERENCES "public"."studios"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "lists_items" ADD CONSTRAINT "lists_items_anime_id_anime_id_fk" FOREIGN KEY ("anime_id") REFERENCES "public"."anime"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lists_items" ADD CONSTRAINT "lists_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."lists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "lists" ADD CONSTRAINT "lists_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "views" ADD CONSTRAINT "views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "views" ADD CONSTRAINT "views_anime_id_anime_id_fk" FOREIGN KEY ("anime_id") REFERENCES "public"."anime"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "favorites_user_idx" ON "favorites" USING btree ("user_id");
  CREATE INDEX "favorites_item_key_idx" ON "favorites" USING btree ("item_key");
  CREATE INDEX "favorites_updated_at_idx" ON "favorites" USING btree ("updated_at");
  CREATE INDEX "favorites_created_at_idx" ON "favorites" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_itemKey_idx" ON "favorites" USING btree ("user_id","item_key");
  CREATE INDEX "favorites_rels_order_idx" ON "favorites_rels" USING btree ("order");
  CREATE INDEX "favorites_rels_parent_idx" ON "favorites_rels" USING btree ("parent_id");
  CREATE INDEX "favorites_rels_path_idx" ON "favorites_rels" USING btree ("path");
  CREATE INDEX "favorites_rels_anime_id_idx" ON "favorites_rels" USING btree ("anime_id");
  CREATE INDEX "anime_alt_titles_order_idx" ON "anime_alt_titles" USING btree ("_order");
  CREATE INDEX "anime_alt_titles_parent_id_idx" ON "anime_alt_titles" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "anime_slug_idx" ON "anime" USING btree ("slug");
  CREATE INDEX "anime_kind_idx" ON "anime" USING btree ("kind");
  CREATE INDEX "anime_status_idx" ON "anime" USING btree ("status");
  CREATE INDEX "anime_season_idx" ON "anime" USING btree ("season");
  CREATE INDEX "anime_year_idx" ON "anime" USING btree ("year");
  CREATE INDEX "anime_poster_idx" ON "anime" USING btree ("poster_id");
  CREATE INDEX "anime_score_idx" ON "anime" USING btree ("score");
  CREATE UNIQUE INDEX "anime_external_ids_external_ids_mal_idx" ON "anime" USING btree ("external_ids_mal");
  CREATE UNIQUE INDEX "anime_external_ids_external_ids_anilist_idx" ON "anime" USING btree ("external_ids_anilist");
  CREATE UNIQUE INDEX "anime_external_ids_external_ids_kitsu_idx" ON "anime" USING btree ("external_ids_kitsu");
  CREATE INDEX "anime_view_count_idx" ON "anime" USING btree ("view_count");
  CREATE INDEX "anime_favorites_count_idx" ON "anime" USING btree ("favorites_count");
  CREATE INDEX "anime_updated_at_idx" ON "anime" USING btree ("updated_at");
  CREATE INDEX "anime_created_at_idx" ON "anime" USING btree ("created_at");
  CREATE INDEX "anime__status_idx" ON "anime" USING btree ("_status");
  CREATE INDEX "anime_rels_order_idx" ON "anime_rels" USING btree ("order");
  CREATE INDEX "anime_rels_parent_idx" ON "anime_rels" USING btree ("parent_id");
  CREATE INDEX "anime_rels_path_idx" ON "anime_rels" USING btree ("path");
  CREATE INDEX "anime_rels_genres_id_idx" ON "anime_rels" USING btree ("genres_id");
  CREATE INDEX "anime_rels_studios_id_idx" ON "anime_rels" USING btree ("studios_id");
  CREATE INDEX "_anime_v_version_alt_titles_order_idx" ON "_anime_v_version_alt_titles" USING btree ("_order");
  CREATE INDEX "_anime_v_version_alt_titles_parent_id_idx" ON "_anime_v_version_alt_titles" USING btree ("_parent_id");
  CREATE INDEX "_anime_v_parent_idx" ON "_anime_v" USING btree ("parent_id");
  CREATE INDEX "_anime_v_version_version_slug_idx" ON "_anime_v" USING btree ("version_slug");
  CREATE INDEX "_anime_v_version_version_kind_idx" ON "_anime_v" USING btree ("version_kind");
  CREATE INDEX "_anime_v_version_version_status_idx" ON "_anime_v" USING btree ("version_status");
  CREATE INDEX "_anime_v_version_version_season_idx" ON "_anime_v" USING btree ("version_season");
  CREATE INDEX "_anime_v_version_version_year_idx" ON "_anime_v" USING btree ("version_year");
  CREATE INDEX "_anime_v_version_version_poster_idx" ON "_anime_v" USING btree ("version_poster_id");
  CREATE INDEX "_anime_v_version_version_score_idx" ON "_anime_v" USING btree ("version_score");
  CREATE INDEX "_anime_v_version_external_ids_version_external_ids_mal_idx" ON "_anime_v" USING btree ("version_external_ids_mal");
  CREATE INDEX "_anime_v_version_external_ids_version_external_ids_anili_idx" ON "_anime_v" USING btree ("version_external_ids_anilist");
  CREATE INDEX "_anime_v_version_external_ids_version_external_ids_kitsu_idx" ON "_anime_v" USING btree ("version_external_ids_kitsu");
  CREATE INDEX "_anime_v_version_version_view_count_idx" ON "_anime_v" USING btree ("version_view_count");
  CREATE INDEX "_anime_v_version_version_favorites_count_idx" ON "_anime_v" USING btree ("version_favorites_count");
  CREATE INDEX "_anime_v_version_version_updated_at_idx" ON "_anime_v" USING btree ("version_updated_at");
  CREATE INDEX "_anime_v_version_version_created_at_idx" ON "_anime_v" USING btree ("version_created_at");
  CREATE INDEX "_anime_v_version_version__status_idx" ON "_anime_v" USING btree ("version__status");
  CREATE INDEX "_anime_v_created_at_idx" ON "_anime_v" USING btree ("created_at");
  CREATE INDEX "_anime_v_updated_at_idx" ON "_anime_v" USING btree ("updated_at");
  CREATE INDEX "_anime_v_latest_idx" ON "_anime_v" USING btree ("latest");
  CREATE INDEX "_anime_v_rels_order_idx" ON "_anime_v_rels" USING btree ("order");
  CREATE INDEX "_anime_v_rels_parent_idx" ON "_anime_v_rels" USING btree ("parent_id");
  CREATE INDEX "_anime_v_rels_path_idx" ON "_anime_v_rels" USING btree ("path");
  CREATE INDEX "_anime_v_rels_genres_id_idx" ON "_anime_v_rels" USING btree ("genres_id");
  CREATE INDEX "_anime_v_rels_studios_id_idx" ON "_anime_v_rels" USING btree ("studios_id");
  CREATE UNIQUE INDEX "genres_name_idx" ON "genres" USING btree ("name");
  CREATE UNIQUE INDEX "genres_slug_idx" ON "genres" USING btree ("slug");
  CREATE INDEX "genres_updated_at_idx" ON "genres" USING btree ("updated_at");
  CREATE INDEX "genres_created_at_idx" ON "genres" USING btree ("created_at");
  CREATE UNIQUE INDEX "studios_name_idx" ON "studios" USING btree ("name");
  CREATE UNIQUE INDEX "studios_slug_idx" ON "studios" USING btree ("slug");
  CREATE INDEX "studios_updated_at_idx" ON "studios" USING btree ("updated_at");
  CREATE INDEX "studios_created_at_idx" ON "studios" USING btree ("created_at");
  CREATE INDEX "lists_items_order_idx" ON "lists_items" USING btree ("_order");
  CREATE INDEX "lists_items_parent_id_idx" ON "lists_items" USING btree ("_parent_id");
  CREATE INDEX "lists_items_anime_idx" ON "lists_items" USING btree ("anime_id");
  CREATE INDEX "lists_owner_idx" ON "lists" USING btree ("owner_id");
  CREATE INDEX "lists_visibility_idx" ON "lists" USING btree ("visibility");
  CREATE INDEX "lists_hidden_idx" ON "lists" USING btree ("hidden");
  CREATE INDEX "lists_updated_at_idx" ON "lists" USING btree ("updated_at");
  CREATE INDEX "lists_created_at_idx" ON "lists" USING btree ("created_at");
  CREATE INDEX "views_user_idx" ON "views" USING btree ("user_id");
  CREATE INDEX "views_anime_idx" ON "views" USING btree ("anime_id");
  CREATE INDEX "views_last_viewed_at_idx" ON "views" USING btree ("last_viewed_at");
  CREATE INDEX "views_updated_at_idx" ON "views" USING btree ("updated_at");
  CREATE INDEX "views_created_at_idx" ON "views" USING btree ("created_at");
  CREATE UNIQUE INDEX "user_anime_idx" ON "views" USING btree ("user_id","anime_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_favorites_fk" FOREIGN KEY ("favorites_id") REFERENCES "public"."favorites"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_anime_fk" FOREIGN KEY ("anime_id") REFERENCES "public"."anime"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_genres_fk" FOREIGN KEY ("genres_id") REFERENCES "public"."genres"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_studios_fk" FOREIGN KEY ("studios_id") REFERENCES "public"."studios"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_lists_fk" FOREIGN KEY ("lists_id") REFERENCES "public"."lists"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_views_fk" FOREIGN KEY ("views_id") REFERENCES "public"."views"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_favorites_id_idx" ON "payload_locked_documents_rels" USING btree ("favorites_id");
  CREATE INDEX "payload_locked_documents_rels_anime_id_idx" ON "payload_locked_documents_rels" USING btree ("anime_id");
  CREATE INDEX "payload_locked_documents_rels_genres_id_idx" ON "payload_locked_documents_rels" USING btree ("genres_id");
  CREATE INDEX "payload_locked_documents_rels_studios_id_idx" ON "payload_locked_documents_rels" USING btree ("studios_id");
  CREATE INDEX "payload_locked_documents_rels_lists_id_idx" ON "payload_locked_documents_rels" USING btree ("lists_id");
  CREATE INDEX "payload_locked_documents_rels_views_id_idx" ON "payload_locked_documents_rels" USING btree ("views_id");
  -- Search (hand-written): trigram matching on all titles for typo tolerance, and a weighted
  -- full-text vector (titles A, synopsis C). search_titles and search_synopsis are kept current
  -- by the buildSearchText hook; the vector is a generated column, so it follows them.
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  ALTER TABLE "anime" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce("search_titles", '')), 'A') ||
    setweight(to_tsvector('simple', coalesce("search_synopsis", '')), 'C')
  ) STORED;
  CREATE INDEX "anime_search_titles_trgm_idx" ON "anime" USING gin ("search_titles" gin_trgm_ops);
  CREATE INDEX "anime_search_vector_idx" ON "anime" USING gin ("search_vector");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  -- (generated; IF EXISTS added: the DROP TABLE ... CASCADE above already removes some of these)
  DROP INDEX IF EXISTS "anime_search_vector_idx";
  DROP INDEX IF EXISTS "anime_search_titles_trgm_idx";
  ALTER TABLE "anime" DROP COLUMN IF EXISTS "search_vector";
   ALTER TABLE "favorites" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "favorites_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "anime_alt_titles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "anime" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "anime_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_anime_v_version_alt_titles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_anime_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_anime_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "genres" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "studios" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "lists_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "lists" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "views" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "favorites" CASCADE;
  DROP TABLE "favorites_rels" CASCADE;
  DROP TABLE "anime_alt_titles" CASCADE;
  DROP TABLE "anime" CASCADE;
  DROP TABLE "anime_rels" CASCADE;
  DROP TABLE "_anime_v_version_alt_titles" CASCADE;
  DROP TABLE "_anime_v" CASCADE;
  DROP TABLE "_anime_v_rels" CASCADE;
  DROP TABLE "genres" CASCADE;
  DROP TABLE "studios" CASCADE;
  DROP TABLE "lists_items" CASCADE;
  DROP TABLE "lists" CASCADE;
  DROP TABLE "views" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_favorites_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_anime_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_genres_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_studios_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_lists_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_views_fk";
  
  DROP INDEX IF EXISTS "payload_locked_documents_rels_favorites_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_anime_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_genres_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_studios_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_lists_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_views_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "favorites_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "anime_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "genres_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "studios_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "lists_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "views_id";
  DROP TYPE "public"."enum_anime_kind";
  DROP TYPE "public"."enum_anime_status";
  DROP TYPE "public"."enum_anime_age_rating";
  DROP TYPE "public"."enum_anime_season";
  DROP TYPE "public"."enum__anime_v_version_kind";
  DROP TYPE "public"."enum__anime_v_version_status";
  DROP TYPE "public"."enum__anime_v_version_age_rating";
  DROP TYPE "public"."enum__anime_v_version_season";
  DROP TYPE "public"."enum_lists_visibility";`)
}
