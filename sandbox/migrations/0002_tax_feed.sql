CREATE TABLE `fin_internal_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`from_account_id` integer NOT NULL,
	`to_account_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`transfer_date` text NOT NULL,
	`executed_by` text NOT NULL,
	`executed_at` integer NOT NULL,
	`journal_entry_id` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_account_id`) REFERENCES `fin_own_bank_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_account_id`) REFERENCES `fin_own_bank_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`executed_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_internal_transfers_from_idx` ON `fin_internal_transfers` (`from_account_id`);--> statement-breakpoint
CREATE TABLE `fin_tax_feed_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`feed_id` integer NOT NULL,
	`municipality_id` text NOT NULL,
	`own_bank_account_id` integer NOT NULL,
	`rovat` text NOT NULL,
	`funkcio` text NOT NULL,
	`charged` integer NOT NULL,
	`identified` integer NOT NULL,
	`unidentified` integer NOT NULL,
	`overpayment` integer NOT NULL,
	FOREIGN KEY (`feed_id`) REFERENCES `fin_tax_feeds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`own_bank_account_id`) REFERENCES `fin_own_bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_tax_feed_items_account_idx` ON `fin_tax_feed_items` (`own_bank_account_id`);--> statement-breakpoint
CREATE TABLE `fin_tax_feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`year` integer NOT NULL,
	`period` text NOT NULL,
	`posted_by` text NOT NULL,
	`posted_at` integer NOT NULL,
	`journal_entry_id` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fin_tax_feeds_period_idx` ON `fin_tax_feeds` (`municipality_id`,`period`);