CREATE TABLE `cert_programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_hu` text NOT NULL,
	`name_en` text NOT NULL,
	`job_role` text NOT NULL,
	`subsystem` text NOT NULL,
	`validity_months` integer NOT NULL,
	`renewal_window_days` integer NOT NULL,
	`required_for_readiness` integer DEFAULT true NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cert_programmes_code_unique` ON `cert_programmes` (`code`);--> statement-breakpoint
CREATE TABLE `cert_requirements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`kind` text NOT NULL,
	`ref` text NOT NULL,
	`min_score` integer,
	`position` integer NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `cert_programmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cert_requirements_programme_idx` ON `cert_requirements` (`programme_id`,`position`);--> statement-breakpoint
CREATE INDEX `cert_requirements_kind_ref_idx` ON `cert_requirements` (`kind`,`ref`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`verification_code` text NOT NULL,
	`user_id` integer NOT NULL,
	`programme_id` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`status` text NOT NULL,
	`revoked_at` integer,
	`revoked_by` integer,
	`revoked_reason` text,
	`renewal_reminded_at` integer,
	`supersedes` integer,
	`credential` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`programme_id`) REFERENCES `cert_programmes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_number_unique` ON `certificates` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_verification_code_unique` ON `certificates` (`verification_code`);--> statement-breakpoint
CREATE INDEX `certificates_user_idx` ON `certificates` (`user_id`,`programme_id`);--> statement-breakpoint
CREATE INDEX `certificates_programme_idx` ON `certificates` (`programme_id`,`status`,`valid_until`);--> statement-breakpoint
CREATE INDEX `certificates_valid_until_idx` ON `certificates` (`status`,`valid_until`);--> statement-breakpoint
CREATE TABLE `readiness_snapshots` (
	`day` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`status` text NOT NULL,
	`roles_at_minimum` integer NOT NULL,
	`roles_at_target` integer NOT NULL,
	`roles_required` integer NOT NULL,
	PRIMARY KEY(`day`, `municipality_id`),
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `readiness_snapshots_day_idx` ON `readiness_snapshots` (`day`,`status`);--> statement-breakpoint
CREATE TABLE `lab_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `lab_events_session_idx` ON `lab_events` (`session_id`,`id`);--> statement-breakpoint
CREATE TABLE `lab_help_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`raised_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` integer,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `lab_help_session_idx` ON `lab_help_requests` (`session_id`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `lab_plans` (
	`session_id` integer NOT NULL,
	`position` integer NOT NULL,
	`exercise_id` text NOT NULL,
	PRIMARY KEY(`session_id`, `position`),
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `lab_pushes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`exercise_id` text NOT NULL,
	`user_ids` text,
	`pushed_by` integer,
	`pushed_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pushed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `lab_pushes_session_idx` ON `lab_pushes` (`session_id`,`pushed_at`);--> statement-breakpoint
CREATE TABLE `lab_seats` (
	`session_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`workstation` integer NOT NULL,
	`checked_in_at` integer NOT NULL,
	`assigned_by` integer,
	PRIMARY KEY(`session_id`, `user_id`),
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lab_seats_workstation_uq` ON `lab_seats` (`session_id`,`workstation`);