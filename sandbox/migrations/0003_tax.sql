CREATE TABLE `tax_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`credit_entry_id` integer NOT NULL,
	`charge_entry_id` integer NOT NULL,
	`amount` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`credit_entry_id`) REFERENCES `tax_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_entry_id`) REFERENCES `tax_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tax_allocations_charge_idx` ON `tax_allocations` (`charge_entry_id`);--> statement-breakpoint
CREATE INDEX `tax_allocations_credit_idx` ON `tax_allocations` (`credit_entry_id`);--> statement-breakpoint
CREATE TABLE `tax_decrees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`reference` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`body` text NOT NULL,
	`adopted_by` text NOT NULL,
	`adopted_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adopted_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tax_decrees_muni_idx` ON `tax_decrees` (`municipality_id`,`valid_from`);--> statement-breakpoint
CREATE TABLE `tax_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`taxpayer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`adonem` text,
	`number` text NOT NULL,
	`period` text,
	`document_date` text NOT NULL,
	`total` integer NOT NULL,
	`data` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`taxpayer_id`) REFERENCES `tax_taxpayers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_documents_number_idx` ON `tax_documents` (`municipality_id`,`number`);--> statement-breakpoint
CREATE INDEX `tax_documents_taxpayer_idx` ON `tax_documents` (`taxpayer_id`,`kind`);--> statement-breakpoint
CREATE TABLE `tax_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`taxpayer_id` integer NOT NULL,
	`adonem` text NOT NULL,
	`kind` text NOT NULL,
	`debit` integer NOT NULL,
	`credit` integer NOT NULL,
	`due_date` text,
	`statutory_due_date` text,
	`value_date` text NOT NULL,
	`booking_period` text NOT NULL,
	`tax_year` integer NOT NULL,
	`document_id` integer,
	`charge_entry_id` integer,
	`statement_line_id` integer,
	`description` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`taxpayer_id`) REFERENCES `tax_taxpayers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `tax_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tax_entries_account_idx` ON `tax_entries` (`municipality_id`,`taxpayer_id`,`adonem`);--> statement-breakpoint
CREATE INDEX `tax_entries_period_idx` ON `tax_entries` (`municipality_id`,`booking_period`);--> statement-breakpoint
CREATE TABLE `tax_interest_postings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`charge_entry_id` integer NOT NULL,
	`entry_id` integer NOT NULL,
	`as_of` text NOT NULL,
	`amount` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`charge_entry_id`) REFERENCES `tax_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `tax_entries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tax_interest_postings_charge_idx` ON `tax_interest_postings` (`charge_entry_id`);--> statement-breakpoint
CREATE TABLE `tax_line_status` (
	`line_id` integer PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`status` text NOT NULL,
	`taxpayer_id` integer,
	`entry_id` integer,
	`how` text NOT NULL,
	`note` text,
	`decided_by` text,
	`decided_at` integer,
	FOREIGN KEY (`line_id`) REFERENCES `tax_statement_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`taxpayer_id`) REFERENCES `tax_taxpayers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `tax_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tax_line_status_muni_idx` ON `tax_line_status` (`municipality_id`,`status`);--> statement-breakpoint
CREATE TABLE `tax_objects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`taxpayer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`adonem` text NOT NULL,
	`hrsz` text,
	`address` text,
	`area_m2` integer,
	`category` text,
	`share_num` integer NOT NULL,
	`share_den` integer NOT NULL,
	`acquired_on` text NOT NULL,
	`disposed_on` text,
	`notified_on` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`taxpayer_id`) REFERENCES `tax_taxpayers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tax_objects_taxpayer_idx` ON `tax_objects` (`taxpayer_id`);--> statement-breakpoint
CREATE INDEX `tax_objects_hrsz_idx` ON `tax_objects` (`municipality_id`,`hrsz`);--> statement-breakpoint
CREATE TABLE `tax_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`period` text NOT NULL,
	`feed` text NOT NULL,
	`closed_by` text NOT NULL,
	`closed_at` integer NOT NULL,
	`finance_feed_id` integer,
	`posted_by` text,
	`posted_at` integer,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_periods_idx` ON `tax_periods` (`municipality_id`,`period`);--> statement-breakpoint
CREATE TABLE `tax_statement_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_id` integer NOT NULL,
	`municipality_id` text NOT NULL,
	`bank_line_id` text NOT NULL,
	`booking_date` text NOT NULL,
	`value_date` text NOT NULL,
	`own_account_id` integer NOT NULL,
	`adonem` text NOT NULL,
	`amount` integer NOT NULL,
	`payer_name` text NOT NULL,
	`payer_account` text,
	`kozlemeny` text NOT NULL,
	FOREIGN KEY (`statement_id`) REFERENCES `tax_statements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`own_account_id`) REFERENCES `fin_own_bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_statement_lines_bank_idx` ON `tax_statement_lines` (`municipality_id`,`bank_line_id`);--> statement-breakpoint
CREATE INDEX `tax_statement_lines_stmt_idx` ON `tax_statement_lines` (`statement_id`);--> statement-breakpoint
CREATE TABLE `tax_statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`file_name` text NOT NULL,
	`line_count` integer NOT NULL,
	`total` integer NOT NULL,
	`imported_by` text NOT NULL,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tax_taxpayers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`adoazonosito_jel` text,
	`adoszam` text,
	`birth_date` text,
	`address` text NOT NULL,
	`email` text,
	`phone` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_taxpayers_aj_idx` ON `tax_taxpayers` (`municipality_id`,`adoazonosito_jel`);--> statement-breakpoint
CREATE UNIQUE INDEX `tax_taxpayers_adoszam_idx` ON `tax_taxpayers` (`municipality_id`,`adoszam`);--> statement-breakpoint
CREATE INDEX `tax_taxpayers_name_idx` ON `tax_taxpayers` (`municipality_id`,`name`);--> statement-breakpoint
-- The tax account and the bank's lines are immutable: corrections by cancellation, transfer or refund entries (issue #5).
CREATE TRIGGER `tax_entries_no_update` BEFORE UPDATE ON `tax_entries`
BEGIN SELECT RAISE(ABORT, 'tax account entries are immutable; post a correcting entry'); END;
--> statement-breakpoint
CREATE TRIGGER `tax_entries_no_delete` BEFORE DELETE ON `tax_entries`
BEGIN SELECT RAISE(ABORT, 'tax account entries are immutable; post a correcting entry'); END;
--> statement-breakpoint
CREATE TRIGGER `tax_statement_lines_no_update` BEFORE UPDATE ON `tax_statement_lines`
BEGIN SELECT RAISE(ABORT, 'bank statement lines are never edited'); END;
--> statement-breakpoint
CREATE TRIGGER `tax_statement_lines_no_delete` BEFORE DELETE ON `tax_statement_lines`
BEGIN SELECT RAISE(ABORT, 'bank statement lines are never edited'); END;
