CREATE TABLE `exercise_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`exercise_id` text NOT NULL,
	`sandbox_id` text,
	`machine_version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`state` text NOT NULL,
	`status` text NOT NULL,
	`mistakes` text NOT NULL,
	`hints` text NOT NULL,
	`path` text NOT NULL,
	`score` integer,
	`passed` integer,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sandbox_id`) REFERENCES `sandboxes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `exercise_attempts_user_idx` ON `exercise_attempts` (`user_id`,`exercise_id`,`status`);--> statement-breakpoint
CREATE INDEX `exercise_attempts_sandbox_idx` ON `exercise_attempts` (`sandbox_id`);