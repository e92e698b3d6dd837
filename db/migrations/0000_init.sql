CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`outcome` text DEFAULT 'ok' NOT NULL,
	`target_type` text,
	`target_id` text,
	`detail` text,
	FOREIGN KEY (`actor_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_log` (`action`);--> statement-breakpoint
CREATE TABLE `csat_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer NOT NULL,
	`actor_id` integer,
	`via` text NOT NULL,
	`file_name` text NOT NULL,
	`source` text NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`imported` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`not_responses` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`report` text,
	FOREIGN KEY (`actor_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `csat_imports_created_idx` ON `csat_imports` (`created_at`);--> statement-breakpoint
CREATE INDEX `csat_imports_actor_idx` ON `csat_imports` (`actor_id`);--> statement-breakpoint
CREATE TABLE `csat_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`source_record_id` text NOT NULL,
	`agent_external_id` text NOT NULL,
	`employee_id` integer,
	`rated_at` integer NOT NULL,
	`quarter` text NOT NULL,
	`satisfied` integer NOT NULL,
	`raw_value` text NOT NULL,
	`scale` text NOT NULL,
	`channel` text,
	`comment` text,
	`ticket_ref` text,
	`updated_at` integer NOT NULL,
	`import_id` integer,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `csat_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `csat_responses_source_record_uq` ON `csat_responses` (`source`,`source_record_id`);--> statement-breakpoint
CREATE INDEX `csat_responses_employee_quarter_idx` ON `csat_responses` (`employee_id`,`quarter`,`rated_at`);--> statement-breakpoint
CREATE INDEX `csat_responses_quarter_idx` ON `csat_responses` (`quarter`);--> statement-breakpoint
CREATE INDEX `csat_responses_import_idx` ON `csat_responses` (`import_id`);--> statement-breakpoint
CREATE INDEX `csat_responses_agent_external_idx` ON `csat_responses` (`source`,`agent_external_id`);--> statement-breakpoint
CREATE TABLE `csat_rollups` (
	`employee_id` integer NOT NULL,
	`quarter` text NOT NULL,
	`responses` integer NOT NULL,
	`satisfied` integer NOT NULL,
	PRIMARY KEY(`employee_id`, `quarter`),
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `csat_rollups_quarter_idx` ON `csat_rollups` (`quarter`);--> statement-breakpoint
CREATE TABLE `cycle_traits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`description` text NOT NULL,
	`levels` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_traits_cycle_key_uq` ON `cycle_traits` (`cycle_id`,`key`);--> statement-breakpoint
CREATE TABLE `cycles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`due_date` text,
	`share_keeper` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycles_key_unique` ON `cycles` (`key`);--> statement-breakpoint
CREATE INDEX `cycles_state_idx` ON `cycles` (`state`);--> statement-breakpoint
CREATE TABLE `employees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`team_id` integer,
	`manager_id` integer,
	`role` text DEFAULT 'agent' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`hired_at` text,
	`password_hash` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employees_email_unique` ON `employees` (`email`);--> statement-breakpoint
CREATE INDEX `employees_team_idx` ON `employees` (`team_id`);--> statement-breakpoint
CREATE INDEX `employees_manager_idx` ON `employees` (`manager_id`);--> statement-breakpoint
CREATE TABLE `identities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`employee_id` integer NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identities_source_external_uq` ON `identities` (`source`,`external_id`);--> statement-breakpoint
CREATE INDEX `identities_employee_idx` ON `identities` (`employee_id`);--> statement-breakpoint
CREATE TABLE `review_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`cycle_trait_id` integer NOT NULL,
	`rating` integer,
	`not_observed` integer DEFAULT false NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cycle_trait_id`) REFERENCES `cycle_traits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_ratings_review_trait_uq` ON `review_ratings` (`review_id`,`cycle_trait_id`);--> statement-breakpoint
CREATE INDEX `review_ratings_trait_idx` ON `review_ratings` (`cycle_trait_id`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`employee_id` integer NOT NULL,
	`reviewer_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`keeper_answer` text,
	`keeper_reason` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`private_notes` text DEFAULT '' NOT NULL,
	`submitted_at` integer,
	`acknowledged_at` integer,
	`agent_reply` text,
	`replied_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_cycle_employee_uq` ON `reviews` (`cycle_id`,`employee_id`);--> statement-breakpoint
CREATE INDEX `reviews_employee_idx` ON `reviews` (`employee_id`);--> statement-breakpoint
CREATE INDEX `reviews_reviewer_idx` ON `reviews` (`reviewer_id`);--> statement-breakpoint
CREATE INDEX `reviews_cycle_status_idx` ON `reviews` (`cycle_id`,`status`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_unique` ON `teams` (`name`);--> statement-breakpoint
CREATE TABLE `trait_template` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`description` text NOT NULL,
	`levels` text NOT NULL,
	`position` integer NOT NULL,
	`retired` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trait_template_key_unique` ON `trait_template` (`key`);