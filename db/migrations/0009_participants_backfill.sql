-- Cycles opened before cycle_participants existed get a record made now (docs/decisions/
-- 0016-cycle-participants.md). The org chart of those days was never kept, so this is the best
-- reconstruction available: today's team, manager, role and title for everyone reviewable today,
-- plus anyone who has a review in the cycle (leavers included), with the review's author as the
-- reviewer where there is one. Past moves before this migration are therefore not undone.
INSERT INTO cycle_participants (cycle_id, employee_id, team_id, manager_id, reviewer_id, role, title, added_at, added_by)
SELECT c.id, e.id, e.team_id, e.manager_id, COALESCE(r.reviewer_id, e.manager_id), e.role, e.title, c.created_at, NULL
FROM cycles c
JOIN employees e ON 1 = 1
LEFT JOIN reviews r ON r.cycle_id = c.id AND r.employee_id = e.id
WHERE c.state <> 'draft'
  AND (r.id IS NOT NULL OR (e.active = 1 AND e.manager_id IS NOT NULL))
  AND NOT EXISTS (SELECT 1 FROM cycle_participants p WHERE p.cycle_id = c.id AND p.employee_id = e.id);
--> statement-breakpoint
-- Talent figures read the record, so changing it must forget the talent memos (migration 0006).
CREATE TRIGGER `talent_version_cycle_participants_insert` AFTER INSERT ON `cycle_participants`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_cycle_participants_update` AFTER UPDATE ON `cycle_participants`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
--> statement-breakpoint
CREATE TRIGGER `talent_version_cycle_participants_delete` AFTER DELETE ON `cycle_participants`
  BEGIN UPDATE data_versions SET version = version + 1 WHERE topic = 'talent'; END;
