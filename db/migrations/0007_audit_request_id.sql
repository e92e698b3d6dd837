ALTER TABLE `audit_log` ADD `request_id` text;--> statement-breakpoint
CREATE INDEX `audit_request_idx` ON `audit_log` (`request_id`);