ALTER TABLE "evaluations" ADD COLUMN "comment_folded" text GENERATED ALWAYS AS (lower(translate(comment, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе'))) STORED;--> statement-breakpoint
ALTER TABLE "evidence" ADD COLUMN "title_folded" text GENERATED ALWAYS AS (lower(translate(title, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе'))) STORED;--> statement-breakpoint
ALTER TABLE "measure_reports" ADD COLUMN "text_folded" text GENERATED ALWAYS AS (lower(translate(work_done || ' ' || problems || ' ' || next_steps, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе'))) STORED;--> statement-breakpoint
ALTER TABLE "measure_reports" ADD COLUMN "comment_folded" text GENERATED ALWAYS AS (lower(translate(review_comment, 'ƏəĞğİıÖöŞşÇçÜüЁё', 'EeGgIiOoSsCcUuЕе'))) STORED;--> statement-breakpoint
CREATE INDEX "evaluations_comment_folded_idx" ON "evaluations" USING gin ("comment_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "evidence_title_folded_idx" ON "evidence" USING gin ("title_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "measure_reports_text_folded_idx" ON "measure_reports" USING gin ("text_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "measure_reports_comment_folded_idx" ON "measure_reports" USING gin ("comment_folded" gin_trgm_ops);