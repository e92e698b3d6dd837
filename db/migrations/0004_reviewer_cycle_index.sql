DROP INDEX `reviews_reviewer_idx`;--> statement-breakpoint
CREATE INDEX `reviews_reviewer_cycle_idx` ON `reviews` (`reviewer_id`,`cycle_id`,`status`);