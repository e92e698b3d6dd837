-- What SQLite migrations 0005, 0006 and 0009 do at the trigger level, in PL/pgSQL
-- (docs/decisions/0023-postgres-schema-types.md). The talent memos (lib/dal/read-memo.ts
-- memoUntilTalentChange) are forgotten when data_versions' `talent` row moves; triggers, not
-- application code, move it, in the same transaction as the write, so no write path can forget to.
-- What it deliberately ignores, as on SQLite: a draft that stays a draft (with the same employee,
-- cycle and reviewer), ratings of draft reviews, and every other table.
--
-- Differences from SQLite, on purpose:
-- - The triggers are FOR EACH STATEMENT: a bulk import (csat_rollups, employees) moves the counter
--   once, not once per row (each move rewrites the data_versions row). The counter's value is never
--   compared with anything but itself, so "moved" is all that matters.
-- - Each trigger reads its statement's transition table and moves the counter only when the
--   statement touched a row (a statement-level trigger also fires for zero rows; SQLite's row
--   triggers do not), and only when a touched row meets the condition (WHEN clauses cannot hold
--   subqueries in PostgreSQL, and a statement has no single OLD/NEW).
-- - TRUNCATE (which SQLite does not have) moves it too.
-- 0009's backfill of cycle_participants has nothing to fill on a fresh database, and the SQLite
-- copy brings the table's rows over as they are, so it is not repeated here.
INSERT INTO data_versions (topic, version) VALUES ('talent', 0) ON CONFLICT (topic) DO NOTHING;
--> statement-breakpoint
-- Any row inserted, updated or deleted (or a TRUNCATE) moves the counter. One branch per operation:
-- a query naming a transition table the firing trigger does not have would fail to plan.
CREATE OR REPLACE FUNCTION talent_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE data_versions SET version = version + 1 WHERE topic = 'talent';
  ELSIF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM talent_old_rows) THEN
      UPDATE data_versions SET version = version + 1 WHERE topic = 'talent';
    END IF;
  ELSIF EXISTS (SELECT 1 FROM talent_new_rows) THEN
    UPDATE data_versions SET version = version + 1 WHERE topic = 'talent';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- reviews UPDATE: every row except a draft that stays a draft for the same employee, cycle and reviewer.
CREATE OR REPLACE FUNCTION talent_version_bump_reviews_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1
    FROM talent_new_rows n
    LEFT JOIN talent_old_rows o ON o.id = n.id
    WHERE o.id IS NULL
      OR NOT (o.status = 'draft' AND n.status = 'draft' AND o.employee_id = n.employee_id
        AND o.cycle_id = n.cycle_id AND o.reviewer_id IS NOT DISTINCT FROM n.reviewer_id)
  ) THEN
    UPDATE data_versions SET version = version + 1 WHERE topic = 'talent';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- review_ratings: a row whose review is not a draft (or no longer exists), before or after.
CREATE OR REPLACE FUNCTION talent_version_bump_review_ratings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE data_versions SET version = version + 1 WHERE topic = 'talent';
  ELSIF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM talent_new_rows n LEFT JOIN reviews r ON r.id = n.review_id
               WHERE coalesce(r.status, '') <> 'draft') THEN
      UPDATE data_versions SET version = version + 1 WHERE topic = 'talent';
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF EXISTS (SELECT 1 FROM talent_new_rows n LEFT JOIN reviews r ON r.id = n.review_id
               WHERE coalesce(r.status, '') <> 'draft')
      OR EXISTS (SELECT 1 FROM talent_old_rows o LEFT JOIN reviews r ON r.id = o.review_id
                 WHERE coalesce(r.status, '') <> 'draft') THEN
      UPDATE data_versions SET version = version + 1 WHERE topic = 'talent';
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM talent_old_rows o LEFT JOIN reviews r ON r.id = o.review_id
               WHERE coalesce(r.status, '') <> 'draft') THEN
      UPDATE data_versions SET version = version + 1 WHERE topic = 'talent';
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "talent_version_employees_insert" AFTER INSERT ON "employees"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_employees_update" AFTER UPDATE ON "employees"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_employees_delete" AFTER DELETE ON "employees"
  REFERENCING OLD TABLE AS talent_old_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_employees_truncate" AFTER TRUNCATE ON "employees"
  FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_teams_insert" AFTER INSERT ON "teams"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_teams_update" AFTER UPDATE ON "teams"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_teams_delete" AFTER DELETE ON "teams"
  REFERENCING OLD TABLE AS talent_old_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_teams_truncate" AFTER TRUNCATE ON "teams"
  FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycles_insert" AFTER INSERT ON "cycles"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycles_update" AFTER UPDATE ON "cycles"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycles_delete" AFTER DELETE ON "cycles"
  REFERENCING OLD TABLE AS talent_old_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycles_truncate" AFTER TRUNCATE ON "cycles"
  FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycle_traits_insert" AFTER INSERT ON "cycle_traits"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycle_traits_update" AFTER UPDATE ON "cycle_traits"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycle_traits_delete" AFTER DELETE ON "cycle_traits"
  REFERENCING OLD TABLE AS talent_old_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycle_traits_truncate" AFTER TRUNCATE ON "cycle_traits"
  FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_csat_rollups_insert" AFTER INSERT ON "csat_rollups"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_csat_rollups_update" AFTER UPDATE ON "csat_rollups"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_csat_rollups_delete" AFTER DELETE ON "csat_rollups"
  REFERENCING OLD TABLE AS talent_old_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_csat_rollups_truncate" AFTER TRUNCATE ON "csat_rollups"
  FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycle_participants_insert" AFTER INSERT ON "cycle_participants"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycle_participants_update" AFTER UPDATE ON "cycle_participants"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycle_participants_delete" AFTER DELETE ON "cycle_participants"
  REFERENCING OLD TABLE AS talent_old_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_cycle_participants_truncate" AFTER TRUNCATE ON "cycle_participants"
  FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_reviews_insert" AFTER INSERT ON "reviews"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_reviews_update" AFTER UPDATE ON "reviews"
  REFERENCING OLD TABLE AS talent_old_rows NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump_reviews_update();
--> statement-breakpoint
CREATE TRIGGER "talent_version_reviews_delete" AFTER DELETE ON "reviews"
  REFERENCING OLD TABLE AS talent_old_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_reviews_truncate" AFTER TRUNCATE ON "reviews"
  FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump();
--> statement-breakpoint
CREATE TRIGGER "talent_version_review_ratings_insert" AFTER INSERT ON "review_ratings"
  REFERENCING NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump_review_ratings();
--> statement-breakpoint
CREATE TRIGGER "talent_version_review_ratings_update" AFTER UPDATE ON "review_ratings"
  REFERENCING OLD TABLE AS talent_old_rows NEW TABLE AS talent_new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump_review_ratings();
--> statement-breakpoint
CREATE TRIGGER "talent_version_review_ratings_delete" AFTER DELETE ON "review_ratings"
  REFERENCING OLD TABLE AS talent_old_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump_review_ratings();
--> statement-breakpoint
CREATE TRIGGER "talent_version_review_ratings_truncate" AFTER TRUNCATE ON "review_ratings"
  FOR EACH STATEMENT EXECUTE FUNCTION talent_version_bump_review_ratings();
