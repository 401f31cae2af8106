CREATE TABLE `attendance` (
	`session_day_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`status` text NOT NULL,
	`recorded_by` integer,
	`recorded_at` integer NOT NULL,
	PRIMARY KEY(`session_day_id`, `user_id`),
	FOREIGN KEY (`session_day_id`) REFERENCES `session_days`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `attendance_user_idx` ON `attendance` (`user_id`);--> statement-breakpoint
CREATE TABLE `enrolments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`status` text NOT NULL,
	`requested_at` integer NOT NULL,
	`go_live_date` text NOT NULL,
	`offer_expires_at` integer,
	`enrolled_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`enrolled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_session_user_uq` ON `enrolments` (`session_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `enrolments_queue_idx` ON `enrolments` (`session_id`,`status`,`go_live_date`,`requested_at`);--> statement-breakpoint
CREATE INDEX `enrolments_user_idx` ON `enrolments` (`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `enrolments_offer_idx` ON `enrolments` (`status`,`offer_expires_at`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`venue_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`capacity` integer NOT NULL,
	`workstations` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_venue_name_uq` ON `rooms` (`venue_id`,`name`);--> statement-breakpoint
CREATE TABLE `schedule_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`rule` text NOT NULL,
	`reason` text NOT NULL,
	`actor_user_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `schedule_overrides_session_idx` ON `schedule_overrides` (`session_id`);--> statement-breakpoint
CREATE TABLE `session_days` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_days_session_idx` ON `session_days` (`session_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `session_days_starts_idx` ON `session_days` (`starts_at`);--> statement-breakpoint
CREATE TABLE `session_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subsystem` text NOT NULL,
	`name_hu` text NOT NULL,
	`name_en` text NOT NULL,
	`requires_elearning` integer NOT NULL,
	`requires_presentation` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_types_kind_subsystem_uq` ON `session_types` (`kind`,`subsystem`);--> statement-breakpoint
CREATE TABLE `trainer_unavailability` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trainer_user_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`note` text,
	FOREIGN KEY (`trainer_user_id`) REFERENCES `trainers`(`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trainer_unavailability_idx` ON `trainer_unavailability` (`trainer_user_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `trainers` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`subsystems` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subsystem` text NOT NULL,
	`room_id` integer NOT NULL,
	`trainer_user_id` integer NOT NULL,
	`capacity` integer NOT NULL,
	`status` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`series_id` text,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`attendance_locked_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`type_id`) REFERENCES `session_types`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`trainer_user_id`) REFERENCES `trainers`(`user_id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `training_sessions_room_idx` ON `training_sessions` (`room_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `training_sessions_trainer_idx` ON `training_sessions` (`trainer_user_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `training_sessions_starts_idx` ON `training_sessions` (`starts_at`);--> statement-breakpoint
CREATE INDEX `training_sessions_series_idx` ON `training_sessions` (`series_id`);--> statement-breakpoint
CREATE TABLE `venues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`county_id` integer NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `venues_county_idx` ON `venues` (`county_id`);