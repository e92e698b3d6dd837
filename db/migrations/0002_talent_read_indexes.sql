DROP INDEX `csat_rollups_quarter_idx`;--> statement-breakpoint
CREATE INDEX `csat_rollups_quarter_counts_idx` ON `csat_rollups` (`quarter`,`responses`,`satisfied`);--> statement-breakpoint
DROP INDEX `employees_team_idx`;--> statement-breakpoint
CREATE INDEX `employees_team_role_idx` ON `employees` (`team_id`,`role`,`active`,`manager_id`);--> statement-breakpoint
DROP INDEX `reviews_cycle_status_idx`;--> statement-breakpoint
CREATE INDEX `reviews_cycle_status_answer_idx` ON `reviews` (`cycle_id`,`status`,`keeper_answer`);