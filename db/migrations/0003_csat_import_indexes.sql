DROP INDEX `csat_responses_quarter_idx`;--> statement-breakpoint
DROP INDEX `csat_responses_agent_external_idx`;--> statement-breakpoint
CREATE INDEX `csat_responses_agent_external_idx` ON `csat_responses` (`source`,`agent_external_id`) WHERE "csat_responses"."employee_id" IS NULL;