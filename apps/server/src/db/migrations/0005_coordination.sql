CREATE TABLE "coord_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"presenter_org_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coord_agenda_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"measure_id" uuid,
	"report_id" uuid,
	"evaluation_id" uuid,
	"file_id" uuid,
	CONSTRAINT "coord_agenda_links_one_ck" CHECK (num_nonnulls("coord_agenda_links"."measure_id", "coord_agenda_links"."report_id", "coord_agenda_links"."evaluation_id", "coord_agenda_links"."file_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "coord_assignment_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"text" text NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"file_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_accepted" boolean,
	"review_comment" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "coord_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"responsible_user_id" text,
	"task" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"measure_id" uuid,
	"change_request_id" uuid,
	"state" text DEFAULT 'open' NOT NULL,
	"completed_on" date,
	"reminders_sent" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coord_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid,
	"guest_name" text,
	"guest_org_id" uuid,
	"status" text NOT NULL,
	CONSTRAINT "coord_attendance_member_uq" UNIQUE("meeting_id","member_id"),
	CONSTRAINT "coord_attendance_who_ck" CHECK (num_nonnulls("coord_attendance"."member_id", "coord_attendance"."guest_name") = 1)
);
--> statement-breakpoint
CREATE TABLE "coord_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"mandate" text DEFAULT '' NOT NULL,
	"parent_id" uuid,
	"strategy_id" uuid,
	"direction_id" uuid,
	"established_by" text DEFAULT '' NOT NULL,
	"established_on" date,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coord_bodies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "coord_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" text NOT NULL,
	"text" jsonb NOT NULL,
	"agenda_item_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coord_decisions_number_uq" UNIQUE("meeting_id","number")
);
--> statement-breakpoint
CREATE TABLE "coord_item_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"text" text,
	"file_id" uuid,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coord_item_requests_uq" UNIQUE("item_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "coord_meeting_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coord_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"online_url" text,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"cancel_reason" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"invitations_sent_at" timestamp with time zone,
	"invitees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes_state" text DEFAULT 'none' NOT NULL,
	"minutes_text" text DEFAULT '' NOT NULL,
	"minutes_updated_at" timestamp with time zone,
	"minutes_updated_by" text,
	"minutes_approved_at" timestamp with time zone,
	"minutes_approved_in" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coord_meetings_number_uq" UNIQUE("body_id","number"),
	CONSTRAINT "coord_meetings_times_ck" CHECK ("coord_meetings"."ends_at" > "coord_meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "coord_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" text,
	"role" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coord_members_dates_ck" CHECK ("coord_members"."valid_to" is null or "coord_members"."valid_to" >= "coord_members"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "mail_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outbox_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"content" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coord_agenda_items" ADD CONSTRAINT "coord_agenda_items_meeting_id_coord_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coord_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_agenda_items" ADD CONSTRAINT "coord_agenda_items_presenter_org_id_organizations_id_fk" FOREIGN KEY ("presenter_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_agenda_links" ADD CONSTRAINT "coord_agenda_links_item_id_coord_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."coord_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_agenda_links" ADD CONSTRAINT "coord_agenda_links_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_agenda_links" ADD CONSTRAINT "coord_agenda_links_report_id_measure_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."measure_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_agenda_links" ADD CONSTRAINT "coord_agenda_links_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_agenda_links" ADD CONSTRAINT "coord_agenda_links_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_assignment_reports" ADD CONSTRAINT "coord_assignment_reports_assignment_id_coord_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."coord_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_assignment_reports" ADD CONSTRAINT "coord_assignment_reports_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_assignment_reports" ADD CONSTRAINT "coord_assignment_reports_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_assignment_reports" ADD CONSTRAINT "coord_assignment_reports_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_assignments" ADD CONSTRAINT "coord_assignments_decision_id_coord_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."coord_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_assignments" ADD CONSTRAINT "coord_assignments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_assignments" ADD CONSTRAINT "coord_assignments_responsible_user_id_user_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_assignments" ADD CONSTRAINT "coord_assignments_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_assignments" ADD CONSTRAINT "coord_assignments_change_request_id_change_requests_id_fk" FOREIGN KEY ("change_request_id") REFERENCES "public"."change_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_attendance" ADD CONSTRAINT "coord_attendance_meeting_id_coord_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coord_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_attendance" ADD CONSTRAINT "coord_attendance_member_id_coord_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."coord_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_attendance" ADD CONSTRAINT "coord_attendance_guest_org_id_organizations_id_fk" FOREIGN KEY ("guest_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_bodies" ADD CONSTRAINT "coord_bodies_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_bodies" ADD CONSTRAINT "coord_bodies_direction_id_directions_id_fk" FOREIGN KEY ("direction_id") REFERENCES "public"."directions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_decisions" ADD CONSTRAINT "coord_decisions_meeting_id_coord_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coord_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_decisions" ADD CONSTRAINT "coord_decisions_agenda_item_id_coord_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."coord_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_decisions" ADD CONSTRAINT "coord_decisions_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_item_requests" ADD CONSTRAINT "coord_item_requests_item_id_coord_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."coord_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_item_requests" ADD CONSTRAINT "coord_item_requests_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_item_requests" ADD CONSTRAINT "coord_item_requests_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_item_requests" ADD CONSTRAINT "coord_item_requests_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_meeting_documents" ADD CONSTRAINT "coord_meeting_documents_meeting_id_coord_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."coord_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_meeting_documents" ADD CONSTRAINT "coord_meeting_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_meeting_documents" ADD CONSTRAINT "coord_meeting_documents_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_meetings" ADD CONSTRAINT "coord_meetings_body_id_coord_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."coord_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_meetings" ADD CONSTRAINT "coord_meetings_minutes_updated_by_user_id_fk" FOREIGN KEY ("minutes_updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_meetings" ADD CONSTRAINT "coord_meetings_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_members" ADD CONSTRAINT "coord_members_body_id_coord_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."coord_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_members" ADD CONSTRAINT "coord_members_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coord_members" ADD CONSTRAINT "coord_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_attachments" ADD CONSTRAINT "mail_attachments_outbox_id_mail_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."mail_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coord_agenda_items_meeting_idx" ON "coord_agenda_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "coord_agenda_links_item_idx" ON "coord_agenda_links" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "coord_assignment_reports_assignment_idx" ON "coord_assignment_reports" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "coord_assignments_decision_idx" ON "coord_assignments" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "coord_assignments_org_idx" ON "coord_assignments" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "coord_assignments_due_idx" ON "coord_assignments" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "coord_attendance_meeting_idx" ON "coord_attendance" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "coord_bodies_parent_idx" ON "coord_bodies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "coord_item_requests_org_idx" ON "coord_item_requests" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "coord_meeting_documents_meeting_idx" ON "coord_meeting_documents" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "coord_meetings_starts_idx" ON "coord_meetings" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "coord_members_body_idx" ON "coord_members" USING btree ("body_id","valid_from");--> statement-breakpoint
CREATE INDEX "coord_members_org_idx" ON "coord_members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "coord_members_user_idx" ON "coord_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "mail_attachments_outbox_idx" ON "mail_attachments" USING btree ("outbox_id");