CREATE TABLE `cycle_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`employee_id` integer NOT NULL,
	`team_id` integer,
	`manager_id` integer,
	`reviewer_id` integer,
	`role` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`added_at` integer NOT NULL,
	`added_by` integer,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_participants_cycle_employee_uq` ON `cycle_participants` (`cycle_id`,`employee_id`);--> statement-breakpoint
CREATE INDEX `cycle_participants_cycle_team_idx` ON `cycle_participants` (`cycle_id`,`team_id`,`role`,`manager_id`);--> statement-breakpoint
CREATE INDEX `cycle_participants_manager_cycle_idx` ON `cycle_participants` (`manager_id`,`cycle_id`);--> statement-breakpoint
CREATE INDEX `cycle_participants_reviewer_cycle_idx` ON `cycle_participants` (`reviewer_id`,`cycle_id`);--> statement-breakpoint
CREATE INDEX `cycle_participants_employee_idx` ON `cycle_participants` (`employee_id`);--> statement-breakpoint
CREATE INDEX `cycle_participants_team_idx` ON `cycle_participants` (`team_id`);--> statement-breakpoint
CREATE INDEX `cycle_participants_added_by_idx` ON `cycle_participants` (`added_by`);--> statement-breakpoint
CREATE TABLE `departures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employee_id` integer NOT NULL,
	`left_at` text NOT NULL,
	`leave_type` text NOT NULL,
	`regretted` integer NOT NULL,
	`source` text NOT NULL,
	`recorded_by` integer,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departures_employee_uq` ON `departures` (`employee_id`);--> statement-breakpoint
CREATE INDEX `departures_left_at_idx` ON `departures` (`left_at`);--> statement-breakpoint
CREATE INDEX `departures_recorded_by_idx` ON `departures` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `keeper_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`kind` text NOT NULL,
	`happened_on` text NOT NULL,
	`review_on` text,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `keeper_follow_ups_review_uq` ON `keeper_follow_ups` (`review_id`);--> statement-breakpoint
CREATE INDEX `keeper_follow_ups_recorded_by_idx` ON `keeper_follow_ups` (`recorded_by`);