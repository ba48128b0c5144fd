-- Trigram indexes for the search box: the expressions are exactly those of search.service.ts
-- (`fold`: Azerbaijani letters to plain Latin, then lower case), so `LIKE '%term%'` uses them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- measures.search_text is stored folded already (foldForSearch), so it is compared as it is.
CREATE INDEX IF NOT EXISTS measures_search_idx ON measures USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS measure_reports_text_search_idx ON measure_reports USING gin (lower(translate(work_done || ' ' || problems || ' ' || next_steps, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS measure_reports_comment_search_idx ON measure_reports USING gin (lower(translate(review_comment, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS evidence_title_search_idx ON evidence USING gin (lower(translate(title, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе')) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS evaluations_comment_search_idx ON evaluations USING gin (lower(translate(comment, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе')) gin_trgm_ops);
