-- The search compares the folded columns of 0005 (stored, generated), so the indexes on the folding
-- expressions of 0004 serve no query any more and only slow down writes.
DROP INDEX IF EXISTS measure_reports_text_search_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS measure_reports_comment_search_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS evidence_title_search_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS evaluations_comment_search_idx;
