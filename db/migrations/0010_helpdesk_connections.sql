CREATE TABLE `helpdesk_connections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`base_url` text NOT NULL,
	`account_id` text,
	`credentials` text NOT NULL,
	`credential_hint` text NOT NULL,
	`interval_minutes` integer DEFAULT 60 NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`last_error` text,
	`last_sync_at` integer,
	`last_success_at` integer,
	`next_run_at` integer NOT NULL,
	`cursor_since` integer,
	`resume` text,
	`lease_until` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `helpdesk_connections_name_unique` ON `helpdesk_connections` (`name`);--> statement-breakpoint
CREATE INDEX `helpdesk_connections_next_run_idx` ON `helpdesk_connections` (`next_run_at`);--> statement-breakpoint
CREATE INDEX `helpdesk_connections_created_by_idx` ON `helpdesk_connections` (`created_by`);--> statement-breakpoint
CREATE TABLE `helpdesk_sync_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` integer NOT NULL,
	`import_id` integer,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`pages` integer DEFAULT 0 NOT NULL,
	`records` integer DEFAULT 0 NOT NULL,
	`error` text,
	FOREIGN KEY (`connection_id`) REFERENCES `helpdesk_connections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `csat_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `helpdesk_sync_runs_connection_idx` ON `helpdesk_sync_runs` (`connection_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `helpdesk_sync_runs_import_idx` ON `helpdesk_sync_runs` (`import_id`);