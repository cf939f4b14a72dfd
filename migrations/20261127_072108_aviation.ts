import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('ru', 'en');
  CREATE TYPE "public"."enum__anime_v_published_locale" AS ENUM('ru', 'en');
  CREATE TYPE "public"."enum_articles_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_published_locale" AS ENUM('ru', 'en');
  CREATE TYPE "public"."enum_aircraft_role" AS ENUM('fighter', 'interceptor', 'bomber', 'attack', 'airliner', 'transport', 'trainer', 'reconnaissance', 'helicopter', 'experimental', 'utility', 'flying_boat');
  CREATE TYPE "public"."enum_aircraft_service_status" AS ENUM('project', 'prototype', 'in_production', 'in_service', 'retired', 'cancelled');
  CREATE TYPE "public"."enum_aircraft_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum_aircraft_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__aircraft_v_version_role" AS ENUM('fighter', 'interceptor', 'bomber', 'attack', 'airliner', 'transport', 'trainer', 'reconnaissance', 'helicopter', 'experimental', 'utility', 'flying_boat');
  CREATE TYPE "public"."enum__aircraft_v_version_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum__aircraft_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__aircraft_v_published_locale" AS ENUM('ru', 'en');
  CREATE TYPE "public"."enum_design_bureaus_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum_design_bureaus_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__design_bureaus_v_version_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum__design_bureaus_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__design_bureaus_v_published_locale" AS ENUM('ru', 'en');
  CREATE TYPE "public"."enum_designers_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum_designers_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__designers_v_version_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum__designers_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__designers_v_published_locale" AS ENUM('ru', 'en');
  CREATE TYPE "public"."enum_manufacturers_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum_manufacturers_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__manufacturers_v_version_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum__manufacturers_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__manufacturers_v_published_locale" AS ENUM('ru', 'en');
  CREATE TYPE "public"."enum_personalities_roles" AS ENUM('pilot', 'test_pilot', 'engineer', 'designer', 'commander', 'cosmonaut', 'executive');
  CREATE TYPE "public"."enum_personalities_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum_personalities_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__personalities_v_version_roles" AS ENUM('pilot', 'test_pilot', 'engineer', 'designer', 'commander', 'cosmonaut', 'executive');
  CREATE TYPE "public"."enum__personalities_v_version_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum__personalities_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__personalities_v_published_locale" AS ENUM('ru', 'en');
  CREATE TYPE "public"."enum_historical_events_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum_historical_events_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__historical_events_v_version_workflow_status" AS ENUM('draft', 'in_review', 'changes_requested', 'published');
  CREATE TYPE "public"."enum__historical_events_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__historical_events_v_published_locale" AS ENUM('ru', 'en');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TYPE "public"."enum_app_settings_social_links_platform" AS ENUM('telegram', 'vk', 'youtube', 'x', 'github', 'other');
  CREATE TYPE "public"."enum_app_settings_maintenance_banner_tone" AS ENUM('info', 'warning');
  CREATE TYPE "public"."enum__app_settings_v_version_social_links_platform" AS ENUM('telegram', 'vk', 'youtube', 'x', 'github', 'other');
  CREATE TYPE "public"."enum__app_settings_v_version_maintenance_banner_tone" AS ENUM('info', 'warning');
  CREATE TABLE "articles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"cover_id" integer,
  	"category_id" integer,
  	"author_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"workflow_status" "enum_articles_workflow_status" DEFAULT 'draft',
  	"review_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "articles_locales" (
  	"title" varchar,
  	"excerpt" varchar,
  	"body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "articles_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "articles_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"aircraft_id" integer,
  	"design_bureaus_id" integer,
  	"designers_id" integer,
  	"manufacturers_id" integer,
  	"personalities_id" integer,
  	"historical_events_id" integer
  );
  
  CREATE TABLE "_articles_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_cover_id" integer,
  	"version_category_id" integer,
  	"version_author_id" integer,
  	"version_published_at" timestamp(3) with time zone,
  	"version_workflow_status" "enum__articles_v_version_workflow_status" DEFAULT 'draft',
  	"version_review_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__articles_v_published_locale",
  	"latest" boolean,
  	"autosave" boolean
  );
  
  CREATE TABLE "_articles_v_locales" (
  	"version_title" varchar,
  	"version_excerpt" varchar,
  	"version_body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_articles_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_articles_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"aircraft_id" integer,
  	"design_bureaus_id" integer,
  	"designers_id" integer,
  	"manufacturers_id" integer,
  	"personalities_id" integer,
  	"historical_events_id" integer
  );
  
  CREATE TABLE "categories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "categories_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "aircraft_variants" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"designation" varchar,
  	"first_flight" timestamp(3) with time zone
  );
  
  CREATE TABLE "aircraft_variants_locales" (
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "aircraft" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"designation" varchar,
  	"role" "enum_aircraft_role",
  	"status" "enum_aircraft_service_status",
  	"first_flight" timestamp(3) with time zone,
  	"introduced" timestamp(3) with time zone,
  	"retired" timestamp(3) with time zone,
  	"number_built" numeric,
  	"manufacturer_id" integer,
  	"design_bureau_id" integer,
  	"specifications_crew" numeric,
  	"specifications_length_m" numeric,
  	"specifications_wingspan_m" numeric,
  	"specifications_height_m" numeric,
  	"specifications_empty_weight_kg" numeric,
  	"specifications_max_takeoff_weight_kg" numeric,
  	"specifications_max_speed_kmh" numeric,
  	"specifications_range_km" numeric,
  	"specifications_service_ceiling_m" numeric,
  	"icao_code" varchar,
  	"iata_code" varchar,
  	"workflow_status" "enum_aircraft_workflow_status" DEFAULT 'draft',
  	"review_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_aircraft_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "aircraft_locales" (
  	"name" varchar,
  	"specifications_engines" varchar,
  	"description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "aircraft_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"designers_id" integer,
  	"media_id" integer
  );
  
  CREATE TABLE "_aircraft_v_version_variants" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"designation" varchar,
  	"first_flight" timestamp(3) with time zone,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_aircraft_v_version_variants_locales" (
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_aircraft_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_designation" varchar,
  	"version_role" "enum__aircraft_v_version_role",
  	"version_status" "enum_aircraft_service_status",
  	"version_first_flight" timestamp(3) with time zone,
  	"version_introduced" timestamp(3) with time zone,
  	"version_retired" timestamp(3) with time zone,
  	"version_number_built" numeric,
  	"version_manufacturer_id" integer,
  	"version_design_bureau_id" integer,
  	"version_specifications_crew" numeric,
  	"version_specifications_length_m" numeric,
  	"version_specifications_wingspan_m" numeric,
  	"version_specifications_height_m" numeric,
  	"version_specifications_empty_weight_kg" numeric,
  	"version_specifications_max_takeoff_weight_kg" numeric,
  	"version_specifications_max_speed_kmh" numeric,
  	"version_specifications_range_km" numeric,
  	"version_specifications_service_ceiling_m" numeric,
  	"version_icao_code" varchar,
  	"version_iata_code" varchar,
  	"version_workflow_status" "enum__aircraft_v_version_workflow_status" DEFAULT 'draft',
  	"version_review_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__aircraft_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__aircraft_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_aircraft_v_locales" (
  	"version_name" varchar,
  	"version_specifications_engines" varchar,
  	"version_description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_aircraft_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"designers_id" integer,
  	"media_id" integer
  );
  
  CREATE TABLE "design_bureaus" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"founded" timestamp(3) with time zone,
  	"dissolved" timestamp(3) with time zone,
  	"logo_id" integer,
  	"workflow_status" "enum_design_bureaus_workflow_status" DEFAULT 'draft',
  	"review_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_design_bureaus_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "design_bureaus_locales" (
  	"name" varchar,
  	"country" varchar,
  	"description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "design_bureaus_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"designers_id" integer
  );
  
  CREATE TABLE "_design_bureaus_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_founded" timestamp(3) with time zone,
  	"version_dissolved" timestamp(3) with time zone,
  	"version_logo_id" integer,
  	"version_workflow_status" "enum__design_bureaus_v_version_workflow_status" DEFAULT 'draft',
  	"version_review_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__design_bureaus_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__design_bureaus_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_design_bureaus_v_locales" (
  	"version_name" varchar,
  	"version_country" varchar,
  	"version_description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_design_bureaus_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"designers_id" integer
  );
  
  CREATE TABLE "designers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"born" timestamp(3) with time zone,
  	"died" timestamp(3) with time zone,
  	"bureau_id" integer,
  	"portrait_id" integer,
  	"workflow_status" "enum_designers_workflow_status" DEFAULT 'draft',
  	"review_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_designers_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "designers_locales" (
  	"name" varchar,
  	"nationality" varchar,
  	"biography" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_designers_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_born" timestamp(3) with time zone,
  	"version_died" timestamp(3) with time zone,
  	"version_bureau_id" integer,
  	"version_portrait_id" integer,
  	"version_workflow_status" "enum__designers_v_version_workflow_status" DEFAULT 'draft',
  	"version_review_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__designers_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__designers_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_designers_v_locales" (
  	"version_name" varchar,
  	"version_nationality" varchar,
  	"version_biography" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "manufacturers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"founded" timestamp(3) with time zone,
  	"defunct" timestamp(3) with time zone,
  	"parent_id" integer,
  	"logo_id" integer,
  	"workflow_status" "enum_manufacturers_workflow_status" DEFAULT 'draft',
  	"review_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_manufacturers_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "manufacturers_locales" (
  	"name" varchar,
  	"country" varchar,
  	"description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_manufacturers_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_founded" timestamp(3) with time zone,
  	"version_defunct" timestamp(3) with time zone,
  	"version_parent_id" integer,
  	"version_logo_id" integer,
  	"version_workflow_status" "enum__manufacturers_v_version_workflow_status" DEFAULT 'draft',
  	"version_review_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__manufacturers_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__manufacturers_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_manufacturers_v_locales" (
  	"version_name" varchar,
  	"version_country" varchar,
  	"version_description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "personalities_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_personalities_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "personalities" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"born" timestamp(3) with time zone,
  	"died" timestamp(3) with time zone,
  	"portrait_id" integer,
  	"workflow_status" "enum_personalities_workflow_status" DEFAULT 'draft',
  	"review_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_personalities_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "personalities_locales" (
  	"name" varchar,
  	"nationality" varchar,
  	"biography" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_personalities_v_version_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__personalities_v_version_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_personalities_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_born" timestamp(3) with time zone,
  	"version_died" timestamp(3) with time zone,
  	"version_portrait_id" integer,
  	"version_workflow_status" "enum__personalities_v_version_workflow_status" DEFAULT 'draft',
  	"version_review_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__personalities_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__personalities_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_personalities_v_locales" (
  	"version_name" varchar,
  	"version_nationality" varchar,
  	"version_biography" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "historical_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"date" timestamp(3) with time zone,
  	"image_id" integer,
  	"workflow_status" "enum_historical_events_workflow_status" DEFAULT 'draft',
  	"review_comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_historical_events_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "historical_events_locales" (
  	"title" varchar,
  	"location" varchar,
  	"description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "historical_events_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"aircraft_id" integer,
  	"personalities_id" integer
  );
  
  CREATE TABLE "_historical_events_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_date" timestamp(3) with time zone,
  	"version_image_id" integer,
  	"version_workflow_status" "enum__historical_events_v_version_workflow_status" DEFAULT 'draft',
  	"version_review_comment" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__historical_events_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__historical_events_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_historical_events_v_locales" (
  	"version_title" varchar,
  	"version_location" varchar,
  	"version_description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_historical_events_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"aircraft_id" integer,
  	"personalities_id" integer
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "app_settings_social_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"platform" "enum_app_settings_social_links_platform" NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "app_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"maintenance_banner_enabled" boolean DEFAULT false,
  	"maintenance_banner_tone" "enum_app_settings_maintenance_banner_tone" DEFAULT 'info',
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "app_settings_locales" (
  	"site_title" varchar DEFAULT 'FrankenJet' NOT NULL,
  	"maintenance_banner_message" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "app_settings_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer
  );
  
  CREATE TABLE "_app_settings_v_version_social_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"platform" "enum__app_settings_v_version_social_links_platform" NOT NULL,
  	"url" varchar NOT NULL,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_app_settings_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version_maintenance_banner_enabled" boolean DEFAULT false,
  	"version_maintenance_banner_tone" "enum__app_settings_v_version_maintenance_banner_tone" DEFAULT 'info',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "_app_settings_v_locales" (
  	"version_site_title" varchar DEFAULT 'FrankenJet' NOT NULL,
  	"version_maintenance_banner_message" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_app_settings_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"articles_id" integer
  );
  
  ALTER TABLE "favorites_rels" ADD COLUMN "articles_id" integer;
  ALTER TABLE "favorites_rels" ADD COLUMN "aircraft_id" integer;
  ALTER TABLE "_anime_v" ADD COLUMN "snapshot" boolean;
  ALTER TABLE "_anime_v" ADD COLUMN "published_locale" "enum__anime_v_published_locale";
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "articles_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "categories_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "aircraft_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "design_bureaus_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "designers_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "manufacturers_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "personalities_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "historical_events_id" integer;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_locales" ADD CONSTRAINT "articles_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_texts" ADD CONSTRAINT "articles_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_aircraft_fk" FOREIGN KEY ("aircraft_id") REFERENCES "public"."aircraft"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_design_bureaus_fk" FOREIGN KEY ("design_bureaus_id") REFERENCES "public"."design_bureaus"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_designers_fk" FOREIGN KEY ("designers_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_manufacturers_fk" FOREIGN KEY ("manufacturers_id") REFERENCES "public"."manufacturers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_personalities_fk" FOREIGN KEY ("personalities_id") REFERENCES "public"."personalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_historical_events_fk" FOREIGN KEY ("historical_events_id") REFERENCES "public"."historical_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_cover_id_media_id_fk" FOREIGN KEY ("version_cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_category_id_categories_id_fk" FOREIGN KEY ("version_category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_author_id_users_id_fk" FOREIGN KEY ("version_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_locales" ADD CONSTRAINT "_articles_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_texts" ADD CONSTRAINT "_articles_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_aircraft_fk" FOREIGN KEY ("aircraft_id") REFERENCES "public"."aircraft"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_design_bureaus_fk" FOREIGN KEY ("design_bureaus_id") REFERENCES "public"."design_bureaus"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_designers_fk" FOREIGN KEY ("designers_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_manufacturers_fk" FOREIGN KEY ("manufacturers_id") REFERENCES "public"."manufacturers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_personalities_fk" FOREIGN KEY ("personalities_id") REFERENCES "public"."personalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_historical_events_fk" FOREIGN KEY ("historical_events_id") REFERENCES "public"."historical_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "categories_locales" ADD CONSTRAINT "categories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "aircraft_variants" ADD CONSTRAINT "aircraft_variants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."aircraft"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "aircraft_variants_locales" ADD CONSTRAINT "aircraft_variants_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."aircraft_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "aircraft" ADD CONSTRAINT "aircraft_manufacturer_id_manufacturers_id_fk" FOREIGN KEY ("manufacturer_id") REFERENCES "public"."manufacturers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "aircraft" ADD CONSTRAINT "aircraft_design_bureau_id_design_bureaus_id_fk" FOREIGN KEY ("design_bureau_id") REFERENCES "public"."design_bureaus"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "aircraft_locales" ADD CONSTRAINT "aircraft_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."aircraft"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "aircraft_rels" ADD CONSTRAINT "aircraft_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."aircraft"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "aircraft_rels" ADD CONSTRAINT "aircraft_rels_designers_fk" FOREIGN KEY ("designers_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "aircraft_rels" ADD CONSTRAINT "aircraft_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_aircraft_v_version_variants" ADD CONSTRAINT "_aircraft_v_version_variants_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_aircraft_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_aircraft_v_version_variants_locales" ADD CONSTRAINT "_aircraft_v_version_variants_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_aircraft_v_version_variants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_aircraft_v" ADD CONSTRAINT "_aircraft_v_parent_id_aircraft_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."aircraft"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_aircraft_v" ADD CONSTRAINT "_aircraft_v_version_manufacturer_id_manufacturers_id_fk" FOREIGN KEY ("version_manufacturer_id") REFERENCES "public"."manufacturers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_aircraft_v" ADD CONSTRAINT "_aircraft_v_version_design_bureau_id_design_bureaus_id_fk" FOREIGN KEY ("version_design_bureau_id") REFERENCES "public"."design_bureaus"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_aircraft_v_locales" ADD CONSTRAINT "_aircraft_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_aircraft_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_aircraft_v_rels" ADD CONSTRAINT "_aircraft_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_aircraft_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_aircraft_v_rels" ADD CONSTRAINT "_aircraft_v_rels_designers_fk" FOREIGN KEY ("designers_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_aircraft_v_rels" ADD CONSTRAINT "_aircraft_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "design_bureaus" ADD CONSTRAINT "design_bureaus_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "design_bureaus_locales" ADD CONSTRAINT "design_bureaus_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."design_bureaus"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "design_bureaus_rels" ADD CONSTRAINT "design_bureaus_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."design_bureaus"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "design_bureaus_rels" ADD CONSTRAINT "design_bureaus_rels_designers_fk" FOREIGN KEY ("designers_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_design_bureaus_v" ADD CONSTRAINT "_design_bureaus_v_parent_id_design_bureaus_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."design_bureaus"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_design_bureaus_v" ADD CONSTRAINT "_design_bureaus_v_version_logo_id_media_id_fk" FOREIGN KEY ("version_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_design_bureaus_v_locales" ADD CONSTRAINT "_design_bureaus_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_design_bureaus_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_design_bureaus_v_rels" ADD CONSTRAINT "_design_bureaus_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_design_bureaus_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_design_bureaus_v_rels" ADD CONSTRAINT "_design_bureaus_v_rels_designers_fk" FOREIGN KEY ("designers_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "designers" ADD CONSTRAINT "designers_bureau_id_design_bureaus_id_fk" FOREIGN KEY ("bureau_id") REFERENCES "public"."design_bureaus"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "designers" ADD CONSTRAINT "designers_portrait_id_media_id_fk" FOREIGN KEY ("portrait_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "designers_locales" ADD CONSTRAINT "designers_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_designers_v" ADD CONSTRAINT "_designers_v_parent_id_designers_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."designers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_designers_v" ADD CONSTRAINT "_designers_v_version_bureau_id_design_bureaus_id_fk" FOREIGN KEY ("version_bureau_id") REFERENCES "public"."design_bureaus"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_designers_v" ADD CONSTRAINT "_designers_v_version_portrait_id_media_id_fk" FOREIGN KEY ("version_portrait_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_designers_v_locales" ADD CONSTRAINT "_designers_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_designers_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "manufacturers" ADD CONSTRAINT "manufacturers_parent_id_manufacturers_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."manufacturers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "manufacturers" ADD CONSTRAINT "manufacturers_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "manufacturers_locales" ADD CONSTRAINT "manufacturers_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."manufacturers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_manufacturers_v" ADD CONSTRAINT "_manufacturers_v_parent_id_manufacturers_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."manufacturers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_manufacturers_v" ADD CONSTRAINT "_manufacturers_v_version_parent_id_manufacturers_id_fk" FOREIGN KEY ("version_parent_id") REFERENCES "public"."manufacturers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_manufacturers_v" ADD CONSTRAINT "_manufacturers_v_version_logo_id_media_id_fk" FOREIGN KEY ("version_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_manufacturers_v_locales" ADD CONSTRAINT "_manufacturers_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_manufacturers_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "personalities_roles" ADD CONSTRAINT "personalities_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."personalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "personalities" ADD CONSTRAINT "personalities_portrait_id_media_id_fk" FOREIGN KEY ("portrait_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "personalities_locales" ADD CONSTRAINT "personalities_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."personalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_personalities_v_version_roles" ADD CONSTRAINT "_personalities_v_version_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_personalities_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_personalities_v" ADD CONSTRAINT "_personalities_v_parent_id_personalities_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."personalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_personalities_v" ADD CONSTRAINT "_personalities_v_version_portrait_id_media_id_fk" FOREIGN KEY ("version_portrait_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_personalities_v_locales" ADD CONSTRAINT "_personalities_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_personalities_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "historical_events" ADD CONSTRAINT "historical_events_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "historical_events_locales" ADD CONSTRAINT "historical_events_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."historical_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "historical_events_rels" ADD CONSTRAINT "historical_events_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."historical_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "historical_events_rels" ADD CONSTRAINT "historical_events_rels_aircraft_fk" FOREIGN KEY ("aircraft_id") REFERENCES "public"."aircraft"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "historical_events_rels" ADD CONSTRAINT "historical_events_rels_personalities_fk" FOREIGN KEY ("personalities_id") REFERENCES "public"."personalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_historical_events_v" ADD CONSTRAINT "_historical_events_v_parent_id_historical_events_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."historical_events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_historical_events_v" ADD CONSTRAINT "_historical_events_v_version_image_id_media_id_fk" FOREIGN KEY ("version_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_historical_events_v_locales" ADD CONSTRAINT "_historical_events_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_historical_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_historical_events_v_rels" ADD CONSTRAINT "_historical_events_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_historical_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_historical_events_v_rels" ADD CONSTRAINT "_historical_events_v_rels_aircraft_fk" FOREIGN KEY ("aircraft_id") REFERENCES "public"."aircraft"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_historical_events_v_rels" ADD CONSTRAINT "_historical_events_v_rels_personalities_fk" FOREIGN KEY ("personalities_id") REFERENCES "public"."personalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "app_settings_social_links" ADD CONSTRAINT "app_settings_social_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."app_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "app_settings_locales" ADD CONSTRAINT "app_settings_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."app_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "app_settings_rels" ADD CONSTRAINT "app_settings_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."app_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "app_settings_rels" ADD CONSTRAINT "app_settings_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_app_settings_v_version_social_links" ADD CONSTRAINT "_app_settings_v_version_social_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_app_settings_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_app_settings_v_locales" ADD CONSTRAINT "_app_settings_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_app_settings_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_app_settings_v_rels" ADD CONSTRAINT "_app_settings_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_app_settings_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_app_settings_v_rels" ADD CONSTRAINT "_app_settings_v_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE INDEX "articles_cover_idx" ON "articles" USING btree ("cover_id");
  CREATE INDEX "articles_category_idx" ON "articles" USING btree ("category_id");
  CREATE INDEX "articles_author_idx" ON "articles" USING btree ("author_id");
  CREATE INDEX "articles_published_at_idx" ON "articles" USING btree ("published_at");
  CREATE INDEX "articles_workflow_status_idx" ON "articles" USING btree ("workflow_status");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE UNIQUE INDEX "articles_locales_locale_parent_id_unique" ON "articles_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "articles_texts_order_parent" ON "articles_texts" USING btree ("order","parent_id");
  CREATE INDEX "articles_rels_order_idx" ON "articles_rels" USING btree ("order");
  CREATE INDEX "articles_rels_parent_idx" ON "articles_rels" USING btree ("parent_id");
  CREATE INDEX "articles_rels_path_idx" ON "articles_rels" USING btree ("path");
  CREATE INDEX "articles_rels_aircraft_id_idx" ON "articles_rels" USING btree ("aircraft_id");
  CREATE INDEX "articles_rels_design_bureaus_id_idx" ON "articles_rels" USING btree ("design_bureaus_id");
  CREATE INDEX "articles_rels_designers_id_idx" ON "articles_rels" USING btree ("designers_id");
  CREATE INDEX "articles_rels_manufacturers_id_idx" ON "articles_rels" USING btree ("manufacturers_id");
  CREATE INDEX "articles_rels_personalities_id_idx" ON "articles_rels" USING btree ("personalities_id");
  CREATE INDEX "articles_rels_historical_events_id_idx" ON "articles_rels" USING btree ("historical_events_id");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_slug_idx" ON "_articles_v" USING btree ("version_slug");
  CREATE INDEX "_articles_v_version_version_cover_idx" ON "_articles_v" USING btree ("version_cover_id");
  CREATE INDEX "_articles_v_version_version_category_idx" ON "_articles_v" USING btree ("version_category_id");
  CREATE INDEX "_articles_v_version_version_author_idx" ON "_articles_v" USING btree ("version_author_id");
  CREATE INDEX "_articles_v_version_version_published_at_idx" ON "_articles_v" USING btree ("version_published_at");
  CREATE INDEX "_articles_v_version_version_workflow_status_idx" ON "_articles_v" USING btree ("version_workflow_status");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_snapshot_idx" ON "_articles_v" USING btree ("snapshot");
  CREATE INDEX "_articles_v_published_locale_idx" ON "_articles_v" USING btree ("published_locale");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE INDEX "_articles_v_autosave_idx" ON "_articles_v" USING btree ("autosave");
  CREATE UNIQUE INDEX "_articles_v_locales_locale_parent_id_unique" ON "_articles_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_articles_v_texts_order_parent" ON "_articles_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_articles_v_rels_order_idx" ON "_articles_v_rels" USING btree ("order");
  CREATE INDEX "_articles_v_rels_parent_idx" ON "_articles_v_rels" USING btree ("parent_id");
  CREATE INDEX "_articles_v_rels_path_idx" ON "_articles_v_rels" USING btree ("path");
  CREATE INDEX "_articles_v_rels_aircraft_id_idx" ON "_articles_v_rels" USING btree ("aircraft_id");
  CREATE INDEX "_articles_v_rels_design_bureaus_id_idx" ON "_articles_v_rels" USING btree ("design_bureaus_id");
  CREATE INDEX "_articles_v_rels_designers_id_idx" ON "_articles_v_rels" USING btree ("designers_id");
  CREATE INDEX "_articles_v_rels_manufacturers_id_idx" ON "_articles_v_rels" USING btree ("manufacturers_id");
  CREATE INDEX "_articles_v_rels_personalities_id_idx" ON "_articles_v_rels" USING btree ("personalities_id");
  CREATE INDEX "_articles_v_rels_historical_events_id_idx" ON "_articles_v_rels" USING btree ("historical_events_id");
  CREATE UNIQUE INDEX "categories_slug_idx" ON "categories" USING btree ("slug");
  CREATE INDEX "categories_order_idx" ON "categories" USING btree ("order");
  CREATE INDEX "categories_updated_at_idx" ON "categories" USING btree ("updated_at");
  CREATE INDEX "categories_created_at_idx" ON "categories" USING btree ("created_at");
  CREATE UNIQUE INDEX "categories_locales_locale_parent_id_unique" ON "categories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "aircraft_variants_order_idx" ON "aircraft_variants" USING btree ("_order");
  CREATE INDEX "aircraft_variants_parent_id_idx" ON "aircraft_variants" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "aircraft_variants_locales_locale_parent_id_unique" ON "aircraft_variants_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "aircraft_slug_idx" ON "aircraft" USING btree ("slug");
  CREATE INDEX "aircraft_designation_idx" ON "aircraft" USING btree ("designation");
  CREATE INDEX "aircraft_role_idx" ON "aircraft" USING btree ("role");
  CREATE INDEX "aircraft_status_idx" ON "aircraft" USING btree ("status");
  CREATE INDEX "aircraft_first_flight_idx" ON "aircraft" USING btree ("first_flight");
  CREATE INDEX "aircraft_introduced_idx" ON "aircraft" USING btree ("introduced");
  CREATE INDEX "aircraft_number_built_idx" ON "aircraft" USING btree ("number_built");
  CREATE INDEX "aircraft_manufacturer_idx" ON "aircraft" USING btree ("manufacturer_id");
  CREATE INDEX "aircraft_design_bureau_idx" ON "aircraft" USING btree ("design_bureau_id");
  CREATE INDEX "aircraft_icao_code_idx" ON "aircraft" USING btree ("icao_code");
  CREATE INDEX "aircraft_iata_code_idx" ON "aircraft" USING btree ("iata_code");
  CREATE INDEX "aircraft_workflow_status_idx" ON "aircraft" USING btree ("workflow_status");
  CREATE INDEX "aircraft_updated_at_idx" ON "aircraft" USING btree ("updated_at");
  CREATE INDEX "aircraft_created_at_idx" ON "aircraft" USING btree ("created_at");
  CREATE INDEX "aircraft__status_idx" ON "aircraft" USING btree ("_status");
  CREATE UNIQUE INDEX "aircraft_locales_locale_parent_id_unique" ON "aircraft_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "aircraft_rels_order_idx" ON "aircraft_rels" USING btree ("order");
  CREATE INDEX "aircraft_rels_parent_idx" ON "aircraft_rels" USING btree ("parent_id");
  CREATE INDEX "aircraft_rels_path_idx" ON "aircraft_rels" USING btree ("path");
  CREATE INDEX "aircraft_rels_designers_id_idx" ON "aircraft_rels" USING btree ("designers_id");
  CREATE INDEX "aircraft_rels_media_id_idx" ON "aircraft_rels" USING btree ("media_id");
  CREATE INDEX "_aircraft_v_version_variants_order_idx" ON "_aircraft_v_version_variants" USING btree ("_order");
  CREATE INDEX "_aircraft_v_version_variants_parent_id_idx" ON "_aircraft_v_version_variants" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_aircraft_v_version_variants_locales_locale_parent_id_unique" ON "_aircraft_v_version_variants_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_aircraft_v_parent_idx" ON "_aircraft_v" USING btree ("parent_id");
  CREATE INDEX "_aircraft_v_version_version_slug_idx" ON "_aircraft_v" USING btree ("version_slug");
  CREATE INDEX "_aircraft_v_version_version_designation_idx" ON "_aircraft_v" USING btree ("version_designation");
  CREATE INDEX "_aircraft_v_version_version_role_idx" ON "_aircraft_v" USING btree ("version_role");
  CREATE INDEX "_aircraft_v_version_version_status_idx" ON "_aircraft_v" USING btree ("version_status");
  CREATE INDEX "_aircraft_v_version_version_first_flight_idx" ON "_aircraft_v" USING btree ("version_first_flight");
  CREATE INDEX "_aircraft_v_version_version_introduced_idx" ON "_aircraft_v" USING btree ("version_introduced");
  CREATE INDEX "_aircraft_v_version_version_number_built_idx" ON "_aircraft_v" USING btree ("version_number_built");
  CREATE INDEX "_aircraft_v_version_version_manufacturer_idx" ON "_aircraft_v" USING btree ("version_manufacturer_id");
  CREATE INDEX "_aircraft_v_version_version_design_bureau_idx" ON "_aircraft_v" USING btree ("version_design_bureau_id");
  CREATE INDEX "_aircraft_v_version_version_icao_code_idx" ON "_aircraft_v" USING btree ("version_icao_code");
  CREATE INDEX "_aircraft_v_version_version_iata_code_idx" ON "_aircraft_v" USING btree ("version_iata_code");
  CREATE INDEX "_aircraft_v_version_version_workflow_status_idx" ON "_aircraft_v" USING btree ("version_workflow_status");
  CREATE INDEX "_aircraft_v_version_version_updated_at_idx" ON "_aircraft_v" USING btree ("version_updated_at");
  CREATE INDEX "_aircraft_v_version_version_created_at_idx" ON "_aircraft_v" USING btree ("version_created_at");
  CREATE INDEX "_aircraft_v_version_version__status_idx" ON "_aircraft_v" USING btree ("version__status");
  CREATE INDEX "_aircraft_v_created_at_idx" ON "_aircraft_v" USING btree ("created_at");
  CREATE INDEX "_aircraft_v_updated_at_idx" ON "_aircraft_v" USING btree ("updated_at");
  CREATE INDEX "_aircraft_v_snapshot_idx" ON "_aircraft_v" USING btree ("snapshot");
  CREATE INDEX "_aircraft_v_published_locale_idx" ON "_aircraft_v" USING btree ("published_locale");
  CREATE INDEX "_aircraft_v_latest_idx" ON "_aircraft_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_aircraft_v_locales_locale_parent_id_unique" ON "_aircraft_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_aircraft_v_rels_order_idx" ON "_aircraft_v_rels" USING btree ("order");
  CREATE INDEX "_aircraft_v_rels_parent_idx" ON "_aircraft_v_rels" USING btree ("parent_id");
  CREATE INDEX "_aircraft_v_rels_path_idx" ON "_aircraft_v_rels" USING btree ("path");
  CREATE INDEX "_aircraft_v_rels_designers_id_idx" ON "_aircraft_v_rels" USING btree ("designers_id");
  CREATE INDEX "_aircraft_v_rels_media_id_idx" ON "_aircraft_v_rels" USING btree ("media_id");
  CREATE UNIQUE INDEX "design_bureaus_slug_idx" ON "design_bureaus" USING btree ("slug");
  CREATE INDEX "design_bureaus_founded_idx" ON "design_bureaus" USING btree ("founded");
  CREATE INDEX "design_bureaus_logo_idx" ON "design_bureaus" USING btree ("logo_id");
  CREATE INDEX "design_bureaus_workflow_status_idx" ON "design_bureaus" USING btree ("workflow_status");
  CREATE INDEX "design_bureaus_updated_at_idx" ON "design_bureaus" USING btree ("updated_at");
  CREATE INDEX "design_bureaus_created_at_idx" ON "design_bureaus" USING btree ("created_at");
  CREATE INDEX "design_bureaus__status_idx" ON "design_bureaus" USING btree ("_status");
  CREATE UNIQUE INDEX "design_bureaus_locales_locale_parent_id_unique" ON "design_bureaus_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "design_bureaus_rels_order_idx" ON "design_bureaus_rels" USING btree ("order");
  CREATE INDEX "design_bureaus_rels_parent_idx" ON "design_bureaus_rels" USING btree ("parent_id");
  CREATE INDEX "design_bureaus_rels_path_idx" ON "design_bureaus_rels" USING btree ("path");
  CREATE INDEX "design_bureaus_rels_designers_id_idx" ON "design_bureaus_rels" USING btree ("designers_id");
  CREATE INDEX "_design_bureaus_v_parent_idx" ON "_design_bureaus_v" USING btree ("parent_id");
  CREATE INDEX "_design_bureaus_v_version_version_slug_idx" ON "_design_bureaus_v" USING btree ("version_slug");
  CREATE INDEX "_design_bureaus_v_version_version_founded_idx" ON "_design_bureaus_v" USING btree ("version_founded");
  CREATE INDEX "_design_bureaus_v_version_version_logo_idx" ON "_design_bureaus_v" USING btree ("version_logo_id");
  CREATE INDEX "_design_bureaus_v_version_version_workflow_status_idx" ON "_design_bureaus_v" USING btree ("version_workflow_status");
  CREATE INDEX "_design_bureaus_v_version_version_updated_at_idx" ON "_design_bureaus_v" USING btree ("version_updated_at");
  CREATE INDEX "_design_bureaus_v_version_version_created_at_idx" ON "_design_bureaus_v" USING btree ("version_created_at");
  CREATE INDEX "_design_bureaus_v_version_version__status_idx" ON "_design_bureaus_v" USING btree ("version__status");
  CREATE INDEX "_design_bureaus_v_created_at_idx" ON "_design_bureaus_v" USING btree ("created_at");
  CREATE INDEX "_design_bureaus_v_updated_at_idx" ON "_design_bureaus_v" USING btree ("updated_at");
  CREATE INDEX "_design_bureaus_v_snapshot_idx" ON "_design_bureaus_v" USING btree ("snapshot");
  CREATE INDEX "_design_bureaus_v_published_locale_idx" ON "_design_bureaus_v" USING btree ("published_locale");
  CREATE INDEX "_design_bureaus_v_latest_idx" ON "_design_bureaus_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_design_bureaus_v_locales_locale_parent_id_unique" ON "_design_bureaus_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_design_bureaus_v_rels_order_idx" ON "_design_bureaus_v_rels" USING btree ("order");
  CREATE INDEX "_design_bureaus_v_rels_parent_idx" ON "_design_bureaus_v_rels" USING btree ("parent_id");
  CREATE INDEX "_design_bureaus_v_rels_path_idx" ON "_design_bureaus_v_rels" USING btree ("path");
  CREATE INDEX "_design_bureaus_v_rels_designers_id_idx" ON "_design_bureaus_v_rels" USING btree ("designers_id");
  CREATE UNIQUE INDEX "designers_slug_idx" ON "designers" USING btree ("slug");
  CREATE INDEX "designers_born_idx" ON "designers" USING btree ("born");
  CREATE INDEX "designers_bureau_idx" ON "designers" USING btree ("bureau_id");
  CREATE INDEX "designers_portrait_idx" ON "designers" USING btree ("portrait_id");
  CREATE INDEX "designers_workflow_status_idx" ON "designers" USING btree ("workflow_status");
  CREATE INDEX "designers_updated_at_idx" ON "designers" USING btree ("updated_at");
  CREATE INDEX "designers_created_at_idx" ON "designers" USING btree ("created_at");
  CREATE INDEX "designers__status_idx" ON "designers" USING btree ("_status");
  CREATE INDEX "designers_name_idx" ON "designers_locales" USING btree ("name","_locale");
  CREATE UNIQUE INDEX "designers_locales_locale_parent_id_unique" ON "designers_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_designers_v_parent_idx" ON "_designers_v" USING btree ("parent_id");
  CREATE INDEX "_designers_v_version_version_slug_idx" ON "_designers_v" USING btree ("version_slug");
  CREATE INDEX "_designers_v_version_version_born_idx" ON "_designers_v" USING btree ("version_born");
  CREATE INDEX "_designers_v_version_version_bureau_idx" ON "_designers_v" USING btree ("version_bureau_id");
  CREATE INDEX "_designers_v_version_version_portrait_idx" ON "_designers_v" USING btree ("version_portrait_id");
  CREATE INDEX "_designers_v_version_version_workflow_status_idx" ON "_designers_v" USING btree ("version_workflow_status");
  CREATE INDEX "_designers_v_version_version_updated_at_idx" ON "_designers_v" USING btree ("version_updated_at");
  CREATE INDEX "_designers_v_version_version_created_at_idx" ON "_designers_v" USING btree ("version_created_at");
  CREATE INDEX "_designers_v_version_version__status_idx" ON "_designers_v" USING btree ("version__status");
  CREATE INDEX "_designers_v_created_at_idx" ON "_designers_v" USING btree ("created_at");
  CREATE INDEX "_designers_v_updated_at_idx" ON "_designers_v" USING btree ("updated_at");
  CREATE INDEX "_designers_v_snapshot_idx" ON "_designers_v" USING btree ("snapshot");
  CREATE INDEX "_designers_v_published_locale_idx" ON "_designers_v" USING btree ("published_locale");
  CREATE INDEX "_designers_v_latest_idx" ON "_designers_v" USING btree ("latest");
  CREATE INDEX "_designers_v_version_version_name_idx" ON "_designers_v_locales" USING btree ("version_name","_locale");
  CREATE UNIQUE INDEX "_designers_v_locales_locale_parent_id_unique" ON "_designers_v_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "manufacturers_slug_idx" ON "manufacturers" USING btree ("slug");
  CREATE INDEX "manufacturers_founded_idx" ON "manufacturers" USING btree ("founded");
  CREATE INDEX "manufacturers_parent_idx" ON "manufacturers" USING btree ("parent_id");
  CREATE INDEX "manufacturers_logo_idx" ON "manufacturers" USING btree ("logo_id");
  CREATE INDEX "manufacturers_workflow_status_idx" ON "manufacturers" USING btree ("workflow_status");
  CREATE INDEX "manufacturers_updated_at_idx" ON "manufacturers" USING btree ("updated_at");
  CREATE INDEX "manufacturers_created_at_idx" ON "manufacturers" USING btree ("created_at");
  CREATE INDEX "manufacturers__status_idx" ON "manufacturers" USING btree ("_status");
  CREATE INDEX "manufacturers_name_idx" ON "manufacturers_locales" USING btree ("name","_locale");
  CREATE UNIQUE INDEX "manufacturers_locales_locale_parent_id_unique" ON "manufacturers_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_manufacturers_v_parent_idx" ON "_manufacturers_v" USING btree ("parent_id");
  CREATE INDEX "_manufacturers_v_version_version_slug_idx" ON "_manufacturers_v" USING btree ("version_slug");
  CREATE INDEX "_manufacturers_v_version_version_founded_idx" ON "_manufacturers_v" USING btree ("version_founded");
  CREATE INDEX "_manufacturers_v_version_version_parent_idx" ON "_manufacturers_v" USING btree ("version_parent_id");
  CREATE INDEX "_manufacturers_v_version_version_logo_idx" ON "_manufacturers_v" USING btree ("version_logo_id");
  CREATE INDEX "_manufacturers_v_version_version_workflow_status_idx" ON "_manufacturers_v" USING btree ("version_workflow_status");
  CREATE INDEX "_manufacturers_v_version_version_updated_at_idx" ON "_manufacturers_v" USING btree ("version_updated_at");
  CREATE INDEX "_manufacturers_v_version_version_created_at_idx" ON "_manufacturers_v" USING btree ("version_created_at");
  CREATE INDEX "_manufacturers_v_version_version__status_idx" ON "_manufacturers_v" USING btree ("version__status");
  CREATE INDEX "_manufacturers_v_created_at_idx" ON "_manufacturers_v" USING btree ("created_at");
  CREATE INDEX "_manufacturers_v_updated_at_idx" ON "_manufacturers_v" USING btree ("updated_at");
  CREATE INDEX "_manufacturers_v_snapshot_idx" ON "_manufacturers_v" USING btree ("snapshot");
  CREATE INDEX "_manufacturers_v_published_locale_idx" ON "_manufacturers_v" USING btree ("published_locale");
  CREATE INDEX "_manufacturers_v_latest_idx" ON "_manufacturers_v" USING btree ("latest");
  CREATE INDEX "_manufacturers_v_version_version_name_idx" ON "_manufacturers_v_locales" USING btree ("version_name","_locale");
  CREATE UNIQUE INDEX "_manufacturers_v_locales_locale_parent_id_unique" ON "_manufacturers_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "personalities_roles_order_idx" ON "personalities_roles" USING btree ("order");
  CREATE INDEX "personalities_roles_parent_idx" ON "personalities_roles" USING btree ("parent_id");
  CREATE INDEX "personalities_roles_value_idx" ON "personalities_roles" USING btree ("value");
  CREATE UNIQUE INDEX "personalities_slug_idx" ON "personalities" USING btree ("slug");
  CREATE INDEX "personalities_born_idx" ON "personalities" USING btree ("born");
  CREATE INDEX "personalities_portrait_idx" ON "personalities" USING btree ("portrait_id");
  CREATE INDEX "personalities_workflow_status_idx" ON "personalities" USING btree ("workflow_status");
  CREATE INDEX "personalities_updated_at_idx" ON "personalities" USING btree ("updated_at");
  CREATE INDEX "personalities_created_at_idx" ON "personalities" USING btree ("created_at");
  CREATE INDEX "personalities__status_idx" ON "personalities" USING btree ("_status");
  CREATE INDEX "personalities_name_idx" ON "personalities_locales" USING btree ("name","_locale");
  CREATE UNIQUE INDEX "personalities_locales_locale_parent_id_unique" ON "personalities_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_personalities_v_version_roles_order_idx" ON "_personalities_v_version_roles" USING btree ("order");
  CREATE INDEX "_personalities_v_version_roles_parent_idx" ON "_personalities_v_version_roles" USING btree ("parent_id");
  CREATE INDEX "_personalities_v_version_roles_value_idx" ON "_personalities_v_version_roles" USING btree ("value");
  CREATE INDEX "_personalities_v_parent_idx" ON "_personalities_v" USING btree ("parent_id");
  CREATE INDEX "_personalities_v_version_version_slug_idx" ON "_personalities_v" USING btree ("version_slug");
  CREATE INDEX "_personalities_v_version_version_born_idx" ON "_personalities_v" USING btree ("version_born");
  CREATE INDEX "_personalities_v_version_version_portrait_idx" ON "_personalities_v" USING btree ("version_portrait_id");
  CREATE INDEX "_personalities_v_version_version_workflow_status_idx" ON "_personalities_v" USING btree ("version_workflow_status");
  CREATE INDEX "_personalities_v_version_version_updated_at_idx" ON "_personalities_v" USING btree ("version_updated_at");
  CREATE INDEX "_personalities_v_version_version_created_at_idx" ON "_personalities_v" USING btree ("version_created_at");
  CREATE INDEX "_personalities_v_version_version__status_idx" ON "_personalities_v" USING btree ("version__status");
  CREATE INDEX "_personalities_v_created_at_idx" ON "_personalities_v" USING btree ("created_at");
  CREATE INDEX "_personalities_v_updated_at_idx" ON "_personalities_v" USING btree ("updated_at");
  CREATE INDEX "_personalities_v_snapshot_idx" ON "_personalities_v" USING btree ("snapshot");
  CREATE INDEX "_personalities_v_published_locale_idx" ON "_personalities_v" USING btree ("published_locale");
  CREATE INDEX "_personalities_v_latest_idx" ON "_personalities_v" USING btree ("latest");
  CREATE INDEX "_personalities_v_version_version_name_idx" ON "_personalities_v_locales" USING btree ("version_name","_locale");
  CREATE UNIQUE INDEX "_personalities_v_locales_locale_parent_id_unique" ON "_personalities_v_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "historical_events_slug_idx" ON "historical_events" USING btree ("slug");
  CREATE INDEX "historical_events_date_idx" ON "historical_events" USING btree ("date");
  CREATE INDEX "historical_events_image_idx" ON "historical_events" USING btree ("image_id");
  CREATE INDEX "historical_events_workflow_status_idx" ON "historical_events" USING btree ("workflow_status");
  CREATE INDEX "historical_events_updated_at_idx" ON "historical_events" USING btree ("updated_at");
  CREATE INDEX "historical_events_created_at_idx" ON "historical_events" USING btree ("created_at");
  CREATE INDEX "historical_events__status_idx" ON "historical_events" USING btree ("_status");
  CREATE UNIQUE INDEX "historical_events_locales_locale_parent_id_unique" ON "historical_events_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "historical_events_rels_order_idx" ON "historical_events_rels" USING btree ("order");
  CREATE INDEX "historical_events_rels_parent_idx" ON "historical_events_rels" USING btree ("parent_id");
  CREATE INDEX "historical_events_rels_path_idx" ON "historical_events_rels" USING btree ("path");
  CREATE INDEX "historical_events_rels_aircraft_id_idx" ON "historical_events_rels" USING btree ("aircraft_id");
  CREATE INDEX "historical_events_rels_personalities_id_idx" ON "historical_events_rels" USING btree ("personalities_id");
  CREATE INDEX "_historical_events_v_parent_idx" ON "_historical_events_v" USING btree ("parent_id");
  CREATE INDEX "_historical_events_v_version_version_slug_idx" ON "_historical_events_v" USING btree ("version_slug");
  CREATE INDEX "_historical_events_v_version_version_date_idx" ON "_historical_events_v" USING btree ("version_date");
  CREATE INDEX "_historical_events_v_version_version_image_idx" ON "_historical_events_v" USING btree ("version_image_id");
  CREATE INDEX "_historical_events_v_version_version_workflow_status_idx" ON "_historical_events_v" USING btree ("version_workflow_status");
  CREATE INDEX "_historical_events_v_version_version_updated_at_idx" ON "_historical_events_v" USING btree ("version_updated_at");
  CREATE INDEX "_historical_events_v_version_version_created_at_idx" ON "_historical_events_v" USING btree ("version_created_at");
  CREATE INDEX "_historical_events_v_version_version__status_idx" ON "_historical_events_v" USING btree ("version__status");
  CREATE INDEX "_historical_events_v_created_at_idx" ON "_historical_events_v" USING btree ("created_at");
  CREATE INDEX "_historical_events_v_updated_at_idx" ON "_historical_events_v" USING btree ("updated_at");
  CREATE INDEX "_historical_events_v_snapshot_idx" ON "_historical_events_v" USING btree ("snapshot");
  CREATE INDEX "_historical_events_v_published_locale_idx" ON "_historical_events_v" USING btree ("published_locale");
  CREATE INDEX "_historical_events_v_latest_idx" ON "_historical_events_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_historical_events_v_locales_locale_parent_id_unique" ON "_historical_events_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_historical_events_v_rels_order_idx" ON "_historical_events_v_rels" USING btree ("order");
  CREATE INDEX "_historical_events_v_rels_parent_idx" ON "_historical_events_v_rels" USING btree ("parent_id");
  CREATE INDEX "_historical_events_v_rels_path_idx" ON "_historical_events_v_rels" USING btree ("path");
  CREATE INDEX "_historical_events_v_rels_aircraft_id_idx" ON "_historical_events_v_rels" USING btree ("aircraft_id");
  CREATE INDEX "_historical_events_v_rels_personalities_id_idx" ON "_historical_events_v_rels" USING btree ("personalities_id");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "app_settings_social_links_order_idx" ON "app_settings_social_links" USING btree ("_order");
  CREATE INDEX "app_settings_social_links_parent_id_idx" ON "app_settings_social_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "app_settings_locales_locale_parent_id_unique" ON "app_settings_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "app_settings_rels_order_idx" ON "app_settings_rels" USING btree ("order");
  CREATE INDEX "app_settings_rels_parent_idx" ON "app_settings_rels" USING btree ("parent_id");
  CREATE INDEX "app_settings_rels_path_idx" ON "app_settings_rels" USING btree ("path");
  CREATE INDEX "app_settings_rels_articles_id_idx" ON "app_settings_rels" USING btree ("articles_id");
  CREATE INDEX "_app_settings_v_version_social_links_order_idx" ON "_app_settings_v_version_social_links" USING btree ("_order");
  CREATE INDEX "_app_settings_v_version_social_links_parent_id_idx" ON "_app_settings_v_version_social_links" USING btree ("_parent_id");
  CREATE INDEX "_app_settings_v_created_at_idx" ON "_app_settings_v" USING btree ("created_at");
  CREATE INDEX "_app_settings_v_updated_at_idx" ON "_app_settings_v" USING btree ("updated_at");
  CREATE UNIQUE INDEX "_app_settings_v_locales_locale_parent_id_unique" ON "_app_settings_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_app_settings_v_rels_order_idx" ON "_app_settings_v_rels" USING btree ("order");
  CREATE INDEX "_app_settings_v_rels_parent_idx" ON "_app_settings_v_rels" USING btree ("parent_id");
  CREATE INDEX "_app_settings_v_rels_path_idx" ON "_app_settings_v_rels" USING btree ("path");
  CREATE INDEX "_app_settings_v_rels_articles_id_idx" ON "_app_settings_v_rels" USING btree ("articles_id");
  ALTER TABLE "favorites_rels" ADD CONSTRAINT "favorites_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "favorites_rels" ADD CONSTRAINT "favorites_rels_aircraft_fk" FOREIGN KEY ("aircraft_id") REFERENCES "public"."aircraft"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_categories_fk" FOREIGN KEY ("categories_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_aircraft_fk" FOREIGN KEY ("aircraft_id") REFERENCES "public"."aircraft"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_design_bureaus_fk" FOREIGN KEY ("design_bureaus_id") REFERENCES "public"."design_bureaus"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_designers_fk" FOREIGN KEY ("designers_id") REFERENCES "public"."designers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_manufacturers_fk" FOREIGN KEY ("manufacturers_id") REFERENCES "public"."manufacturers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_personalities_fk" FOREIGN KEY ("personalities_id") REFERENCES "public"."personalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_historical_events_fk" FOREIGN KEY ("historical_events_id") REFERENCES "public"."historical_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "favorites_rels_articles_id_idx" ON "favorites_rels" USING btree ("articles_id");
  CREATE INDEX "favorites_rels_aircraft_id_idx" ON "favorites_rels" USING btree ("aircraft_id");
  CREATE INDEX "_anime_v_snapshot_idx" ON "_anime_v" USING btree ("snapshot");
  CREATE INDEX "_anime_v_published_locale_idx" ON "_anime_v" USING btree ("published_locale");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_categories_id_idx" ON "payload_locked_documents_rels" USING btree ("categories_id");
  CREATE INDEX "payload_locked_documents_rels_aircraft_id_idx" ON "payload_locked_documents_rels" USING btree ("aircraft_id");
  CREATE INDEX "payload_locked_documents_rels_design_bureaus_id_idx" ON "payload_locked_documents_rels" USING btree ("design_bureaus_id");
  CREATE INDEX "payload_locked_documents_rels_designers_id_idx" ON "payload_locked_documents_rels" USING btree ("designers_id");
  CREATE INDEX "payload_locked_documents_rels_manufacturers_id_idx" ON "payload_locked_documents_rels" USING btree ("manufacturers_id");
  CREATE INDEX "payload_locked_documents_rels_personalities_id_idx" ON "payload_locked_documents_rels" USING btree ("personalities_id");
  CREATE INDEX "payload_locked_documents_rels_historical_events_id_idx" ON "payload_locked_documents_rels" USING btree ("historical_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "articles_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "articles_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "articles_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "categories" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "categories_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "aircraft_variants" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "aircraft_variants_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "aircraft" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "aircraft_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "aircraft_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_aircraft_v_version_variants" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_aircraft_v_version_variants_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_aircraft_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_aircraft_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_aircraft_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "design_bureaus" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "design_bureaus_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "design_bureaus_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_design_bureaus_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_design_bureaus_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_design_bureaus_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "designers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "designers_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_designers_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_designers_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "manufacturers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "manufacturers_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_manufacturers_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_manufacturers_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "personalities_roles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "personalities" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "personalities_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_personalities_v_version_roles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_personalities_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_personalities_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "historical_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "historical_events_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "historical_events_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_historical_events_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_historical_events_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_historical_events_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "app_settings_social_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "app_settings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "app_settings_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "app_settings_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_app_settings_v_version_social_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_app_settings_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_app_settings_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_app_settings_v_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "articles" CASCADE;
  DROP TABLE "articles_locales" CASCADE;
  DROP TABLE "articles_texts" CASCADE;
  DROP TABLE "articles_rels" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "_articles_v_locales" CASCADE;
  DROP TABLE "_articles_v_texts" CASCADE;
  DROP TABLE "_articles_v_rels" CASCADE;
  DROP TABLE "categories" CASCADE;
  DROP TABLE "categories_locales" CASCADE;
  DROP TABLE "aircraft_variants" CASCADE;
  DROP TABLE "aircraft_variants_locales" CASCADE;
  DROP TABLE "aircraft" CASCADE;
  DROP TABLE "aircraft_locales" CASCADE;
  DROP TABLE "aircraft_rels" CASCADE;
  DROP TABLE "_aircraft_v_version_variants" CASCADE;
  DROP TABLE "_aircraft_v_version_variants_locales" CASCADE;
  DROP TABLE "_aircraft_v" CASCADE;
  DROP TABLE "_aircraft_v_locales" CASCADE;
  DROP TABLE "_aircraft_v_rels" CASCADE;
  DROP TABLE "design_bureaus" CASCADE;
  DROP TABLE "design_bureaus_locales" CASCADE;
  DROP TABLE "design_bureaus_rels" CASCADE;
  DROP TABLE "_design_bureaus_v" CASCADE;
  DROP TABLE "_design_bureaus_v_locales" CASCADE;
  DROP TABLE "_design_bureaus_v_rels" CASCADE;
  DROP TABLE "designers" CASCADE;
  DROP TABLE "designers_locales" CASCADE;
  DROP TABLE "_designers_v" CASCADE;
  DROP TABLE "_designers_v_locales" CASCADE;
  DROP TABLE "manufacturers" CASCADE;
  DROP TABLE "manufacturers_locales" CASCADE;
  DROP TABLE "_manufacturers_v" CASCADE;
  DROP TABLE "_manufacturers_v_locales" CASCADE;
  DROP TABLE "personalities_roles" CASCADE;
  DROP TABLE "personalities" CASCADE;
  DROP TABLE "personalities_locales" CASCADE;
  DROP TABLE "_personalities_v_version_roles" CASCADE;
  DROP TABLE "_personalities_v" CASCADE;
  DROP TABLE "_personalities_v_locales" CASCADE;
  DROP TABLE "historical_events" CASCADE;
  DROP TABLE "historical_events_locales" CASCADE;
  DROP TABLE "historical_events_rels" CASCADE;
  DROP TABLE "_historical_events_v" CASCADE;
  DROP TABLE "_historical_events_v_locales" CASCADE;
  DROP TABLE "_historical_events_v_rels" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "app_settings_social_links" CASCADE;
  DROP TABLE "app_settings" CASCADE;
  DROP TABLE "app_settings_locales" CASCADE;
  DROP TABLE "app_settings_rels" CASCADE;
  DROP TABLE "_app_settings_v_version_social_links" CASCADE;
  DROP TABLE "_app_settings_v" CASCADE;
  DROP TABLE "_app_settings_v_locales" CASCADE;
  DROP TABLE "_app_settings_v_rels" CASCADE;
  ALTER TABLE "favorites_rels" DROP CONSTRAINT IF EXISTS "favorites_rels_articles_fk";
  
  ALTER TABLE "favorites_rels" DROP CONSTRAINT IF EXISTS "favorites_rels_aircraft_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_articles_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_categories_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_aircraft_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_design_bureaus_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_designers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_manufacturers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_personalities_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_historical_events_fk";
  
  DROP INDEX IF EXISTS "favorites_rels_articles_id_idx";
  DROP INDEX IF EXISTS "favorites_rels_aircraft_id_idx";
  DROP INDEX IF EXISTS "_anime_v_snapshot_idx";
  DROP INDEX IF EXISTS "_anime_v_published_locale_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_articles_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_categories_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_aircraft_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_design_bureaus_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_designers_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_manufacturers_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_personalities_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_historical_events_id_idx";
  ALTER TABLE "favorites_rels" DROP COLUMN "articles_id";
  ALTER TABLE "favorites_rels" DROP COLUMN "aircraft_id";
  ALTER TABLE "_anime_v" DROP COLUMN "snapshot";
  ALTER TABLE "_anime_v" DROP COLUMN "published_locale";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "articles_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "categories_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "aircraft_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "design_bureaus_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "designers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "manufacturers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "personalities_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "historical_events_id";
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum__anime_v_published_locale";
  DROP TYPE "public"."enum_articles_workflow_status";
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_workflow_status";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum__articles_v_published_locale";
  DROP TYPE "public"."enum_aircraft_role";
  DROP TYPE "public"."enum_aircraft_service_status";
  DROP TYPE "public"."enum_aircraft_workflow_status";
  DROP TYPE "public"."enum_aircraft_status";
  DROP TYPE "public"."enum__aircraft_v_version_role";
  DROP TYPE "public"."enum__aircraft_v_version_workflow_status";
  DROP TYPE "public"."enum__aircraft_v_version_status";
  DROP TYPE "public"."enum__aircraft_v_published_locale";
  DROP TYPE "public"."enum_design_bureaus_workflow_status";
  DROP TYPE "public"."enum_design_bureaus_status";
  DROP TYPE "public"."enum__design_bureaus_v_version_workflow_status";
  DROP TYPE "public"."enum__design_bureaus_v_version_status";
  DROP TYPE "public"."enum__design_bureaus_v_published_locale";
  DROP TYPE "public"."enum_designers_workflow_status";
  DROP TYPE "public"."enum_designers_status";
  DROP TYPE "public"."enum__designers_v_version_workflow_status";
  DROP TYPE "public"."enum__designers_v_version_status";
  DROP TYPE "public"."enum__designers_v_published_locale";
  DROP TYPE "public"."enum_manufacturers_workflow_status";
  DROP TYPE "public"."enum_manufacturers_status";
  DROP TYPE "public"."enum__manufacturers_v_version_workflow_status";
  DROP TYPE "public"."enum__manufacturers_v_version_status";
  DROP TYPE "public"."enum__manufacturers_v_published_locale";
  DROP TYPE "public"."enum_personalities_roles";
  DROP TYPE "public"."enum_personalities_workflow_status";
  DROP TYPE "public"."enum_personalities_status";
  DROP TYPE "public"."enum__personalities_v_version_roles";
  DROP TYPE "public"."enum__personalities_v_version_workflow_status";
  DROP TYPE "public"."enum__personalities_v_version_status";
  DROP TYPE "public"."enum__personalities_v_published_locale";
  DROP TYPE "public"."enum_historical_events_workflow_status";
  DROP TYPE "public"."enum_historical_events_status";
  DROP TYPE "public"."enum__historical_events_v_version_workflow_status";
  DROP TYPE "public"."enum__historical_events_v_version_status";
  DROP TYPE "public"."enum__historical_events_v_published_locale";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  DROP TYPE "public"."enum_app_settings_social_links_platform";
  DROP TYPE "public"."enum_app_settings_maintenance_banner_tone";
  DROP TYPE "public"."enum__app_settings_v_version_social_links_platform";
  DROP TYPE "public"."enum__app_settings_v_version_maintenance_banner_tone";`)
}
