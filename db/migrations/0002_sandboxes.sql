CREATE TABLE `sandboxes` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_user_id` integer NOT NULL,
	`scenario` text NOT NULL,
	`purpose` text DEFAULT 'practice' NOT NULL,
	`persona_id` text,
	`municipality_id` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sandboxes_owner_idx` ON `sandboxes` (`owner_user_id`,`purpose`);