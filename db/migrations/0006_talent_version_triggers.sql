-- The talent memos (lib/dal/read-memo.ts memoUntilTalentChange) are forgotten when this counter
-- moves. Triggers, not application code, move it: no write path can forget to, including the CLI's
-- and the importers'. What it deliberately ignores: a draft that stays a draft (the talent figures
-- read only submitted answers and ratings, and a review's status), and every other table.
INSERT INTO data_versions (topic, version) VALUES ('talent', 0) ON CONFLICT(topic) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `talent_version_employees_insert` AFTER INSERT ON `employees`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_employees_update` AFTER UPDATE ON `employees`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_employees_delete` AFTER DELETE ON `employees`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_teams_insert` AFTER INSERT ON `teams`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_teams_update` AFTER UPDATE ON `teams`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_teams_delete` AFTER DELETE ON `teams`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_cycles_insert` AFTER INSERT ON `cycles`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_cycles_update` AFTER UPDATE ON `cycles`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_cycles_delete` AFTER DELETE ON `cycles`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_cycle_traits_insert` AFTER INSERT ON `cycle_traits`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_cycle_traits_update` AFTER UPDATE ON `cycle_traits`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_cycle_traits_delete` AFTER DELETE ON `cycle_traits`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_csat_rollups_insert` AFTER INSERT ON `csat_rollups`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_csat_rollups_update` AFTER UPDATE ON `csat_rollups`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_csat_rollups_delete` AFTER DELETE ON `csat_rollups`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_reviews_insert` AFTER INSERT ON `reviews`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_reviews_delete` AFTER DELETE ON `reviews`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_reviews_update` AFTER UPDATE ON `reviews`
  WHEN NOT (OLD.status = 'draft' AND NEW.status = 'draft' AND OLD.employee_id = NEW.employee_id
    AND OLD.cycle_id = NEW.cycle_id AND OLD.reviewer_id IS NEW.reviewer_id)
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_review_ratings_insert` AFTER INSERT ON `review_ratings`
  WHEN coalesce((SELECT status FROM reviews WHERE id = NEW.review_id), '') <> 'draft'
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_review_ratings_update` AFTER UPDATE ON `review_ratings`
  WHEN coalesce((SELECT status FROM reviews WHERE id = NEW.review_id), '') <> 'draft' OR coalesce((SELECT status FROM reviews WHERE id = OLD.review_id), '') <> 'draft'
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_review_ratings_delete` AFTER DELETE ON `review_ratings`
  WHEN coalesce((SELECT status FROM reviews WHERE id = OLD.review_id), '') <> 'draft'
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
