ALTER TABLE `employees` ADD `oidc_subject` text;--> statement-breakpoint
CREATE UNIQUE INDEX `employees_oidc_subject_uq` ON `employees` (`oidc_subject`);