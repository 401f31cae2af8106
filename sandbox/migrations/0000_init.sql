CREATE TABLE `fin_bank_statement_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`statement_id` integer NOT NULL,
	`municipality_id` text NOT NULL,
	`direction` text NOT NULL,
	`amount` integer NOT NULL,
	`value_date` text NOT NULL,
	`counterparty_name` text NOT NULL,
	`counterparty_account` text,
	`reference` text NOT NULL,
	`match_status` text NOT NULL,
	`payment_id` integer,
	`receipt_id` integer,
	FOREIGN KEY (`statement_id`) REFERENCES `fin_bank_statements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `fin_payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_bank_statement_items_stmt_idx` ON `fin_bank_statement_items` (`statement_id`);--> statement-breakpoint
CREATE INDEX `fin_bank_statement_items_muni_idx` ON `fin_bank_statement_items` (`municipality_id`,`match_status`);--> statement-breakpoint
CREATE TABLE `fin_bank_statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`own_bank_account_id` integer NOT NULL,
	`statement_number` text NOT NULL,
	`statement_date` text NOT NULL,
	`imported_by` text NOT NULL,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`own_bank_account_id`) REFERENCES `fin_own_bank_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fin_bank_statements_number_idx` ON `fin_bank_statements` (`own_bank_account_id`,`statement_number`);--> statement-breakpoint
CREATE TABLE `fin_budget_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`document_type` text NOT NULL,
	`decree_ref` text NOT NULL,
	`decree_date` text NOT NULL,
	`effective_date` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`submitted_by` text,
	`submitted_at` integer,
	`approved_by` text,
	`approved_at` integer,
	`journal_entry_id` integer,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_budget_documents_muni_idx` ON `fin_budget_documents` (`municipality_id`,`year`,`kind`);--> statement-breakpoint
CREATE TABLE `fin_budget_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`municipality_id` text NOT NULL,
	`rovat` text NOT NULL,
	`funkcio` text NOT NULL,
	`feladat` text NOT NULL,
	`amount` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `fin_budget_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_budget_lines_doc_idx` ON `fin_budget_lines` (`document_id`);--> statement-breakpoint
CREATE TABLE `fin_budget_years` (
	`municipality_id` text NOT NULL,
	`year` integer NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`municipality_id`, `year`),
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `fin_commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`partner_id` integer NOT NULL,
	`rovat` text NOT NULL,
	`funkcio` text NOT NULL,
	`amount` integer NOT NULL,
	`description` text NOT NULL,
	`document_ref` text,
	`commitment_date` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_role` text NOT NULL,
	`created_at` integer NOT NULL,
	`countersigned_by` text,
	`countersigned_at` integer,
	`refusal_reason` text,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `fin_partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`countersigned_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fin_commitments_number_idx` ON `fin_commitments` (`municipality_id`,`number`);--> statement-breakpoint
CREATE INDEX `fin_commitments_partner_idx` ON `fin_commitments` (`municipality_id`,`partner_id`,`rovat`);--> statement-breakpoint
CREATE TABLE `fin_invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`direction` text NOT NULL,
	`partner_id` integer NOT NULL,
	`commitment_id` integer,
	`invoice_number` text NOT NULL,
	`issue_date` text NOT NULL,
	`performance_date` text NOT NULL,
	`due_date` text NOT NULL,
	`amount` integer NOT NULL,
	`status` text NOT NULL,
	`certified_amount` integer,
	`registered_by` text NOT NULL,
	`registered_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `fin_partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `fin_commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_invoices_commitment_idx` ON `fin_invoices` (`commitment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `fin_invoices_number_idx` ON `fin_invoices` (`municipality_id`,`direction`,`partner_id`,`invoice_number`);--> statement-breakpoint
CREATE TABLE `fin_journal_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`year` integer NOT NULL,
	`entry_no` integer NOT NULL,
	`booking_date` text NOT NULL,
	`posted_at` integer NOT NULL,
	`posted_by` text NOT NULL,
	`source_type` text NOT NULL,
	`source_id` integer NOT NULL,
	`description` text NOT NULL,
	`reverses_entry_id` integer,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`posted_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fin_journal_entries_no_idx` ON `fin_journal_entries` (`municipality_id`,`year`,`entry_no`);--> statement-breakpoint
CREATE INDEX `fin_journal_entries_source_idx` ON `fin_journal_entries` (`source_type`,`source_id`);--> statement-breakpoint
CREATE TABLE `fin_journal_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`municipality_id` text NOT NULL,
	`year` integer NOT NULL,
	`account` text NOT NULL,
	`debit` integer NOT NULL,
	`credit` integer NOT NULL,
	`rovat` text,
	`funkcio` text,
	`partner_id` integer,
	FOREIGN KEY (`entry_id`) REFERENCES `fin_journal_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_journal_lines_entry_idx` ON `fin_journal_lines` (`entry_id`);--> statement-breakpoint
CREATE INDEX `fin_journal_lines_budget_idx` ON `fin_journal_lines` (`municipality_id`,`year`,`rovat`,`funkcio`,`account`);--> statement-breakpoint
CREATE INDEX `fin_journal_lines_account_idx` ON `fin_journal_lines` (`municipality_id`,`year`,`account`);--> statement-breakpoint
CREATE INDEX `fin_journal_lines_partner_idx` ON `fin_journal_lines` (`municipality_id`,`partner_id`);--> statement-breakpoint
CREATE TABLE `fin_own_bank_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`giro` text NOT NULL,
	`ledger_account` text NOT NULL,
	`tax_type` text,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fin_own_bank_accounts_giro_idx` ON `fin_own_bank_accounts` (`municipality_id`,`giro`);--> statement-breakpoint
CREATE TABLE `fin_partner_related_personas` (
	`partner_id` integer NOT NULL,
	`persona_id` text NOT NULL,
	`relation` text NOT NULL,
	PRIMARY KEY(`partner_id`, `persona_id`),
	FOREIGN KEY (`partner_id`) REFERENCES `fin_partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`persona_id`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `fin_partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`name` text NOT NULL,
	`adoszam` text,
	`address` text NOT NULL,
	`bank_account` text,
	`vat_exempt` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_partners_muni_idx` ON `fin_partners` (`municipality_id`,`name`);--> statement-breakpoint
CREATE TABLE `fin_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`commitment_id` integer NOT NULL,
	`invoice_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`status` text NOT NULL,
	`validated_by` text NOT NULL,
	`validated_at` integer NOT NULL,
	`validation_date` text NOT NULL,
	`ordered_by` text,
	`ordered_at` integer,
	`payment_date` text,
	`payee_account` text,
	`transferred_by` text,
	`transferred_at` integer,
	`transfer_date` text,
	`own_bank_account_id` integer,
	`statement_item_id` integer,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `fin_commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `fin_invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`validated_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ordered_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transferred_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`own_bank_account_id`) REFERENCES `fin_own_bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fin_payments_invoice_idx` ON `fin_payments` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `fin_payments_muni_idx` ON `fin_payments` (`municipality_id`,`status`);--> statement-breakpoint
CREATE TABLE `fin_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`statement_item_id` integer NOT NULL,
	`receivable_id` integer,
	`amount` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`statement_item_id`) REFERENCES `fin_bank_statement_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receivable_id`) REFERENCES `fin_receivables`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_receipts_item_idx` ON `fin_receipts` (`statement_item_id`);--> statement-breakpoint
CREATE INDEX `fin_receipts_receivable_idx` ON `fin_receipts` (`receivable_id`);--> statement-breakpoint
CREATE TABLE `fin_receivables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`year` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`invoice_id` integer,
	`rovat` text NOT NULL,
	`funkcio` text NOT NULL,
	`amount` integer NOT NULL,
	`paid_amount` integer NOT NULL,
	`description` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `fin_partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `fin_invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_receivables_muni_idx` ON `fin_receivables` (`municipality_id`,`status`);--> statement-breakpoint
CREATE TABLE `fin_workflow_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`commitment_id` integer NOT NULL,
	`invoice_id` integer,
	`payment_id` integer,
	`step` text NOT NULL,
	`persona_id` text NOT NULL,
	`role` text NOT NULL,
	`on_behalf_of` text,
	`at` integer NOT NULL,
	`amount` integer,
	`note` text,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `fin_commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`persona_id`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fin_workflow_steps_event_idx` ON `fin_workflow_steps` (`commitment_id`,`step`);--> statement-breakpoint
CREATE TABLE `keret_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`municipality_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`role` text NOT NULL,
	`on_behalf_of` text,
	`command_type` text NOT NULL,
	`outcome` text NOT NULL,
	`entity_type` text,
	`entity_id` text,
	`error_code` text,
	`rule` text,
	`details` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `keret_audit_log_muni_idx` ON `keret_audit_log` (`municipality_id`,`at`);--> statement-breakpoint
CREATE TABLE `keret_municipalities` (
	`id` text PRIMARY KEY NOT NULL,
	`office_id` text NOT NULL,
	`name` text NOT NULL,
	`population` integer NOT NULL,
	`adoszam` text,
	FOREIGN KEY (`office_id`) REFERENCES `keret_offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `keret_offices` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`seat_municipality_id` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `keret_personas` (
	`id` text PRIMARY KEY NOT NULL,
	`display_name` text NOT NULL,
	`job_title_hu` text NOT NULL,
	`job_title_en` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE TABLE `keret_role_grants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`persona_id` text NOT NULL,
	`municipality_id` text NOT NULL,
	`role_code` text NOT NULL,
	`granted_at` integer NOT NULL,
	`granted_by` text,
	`revoked_at` integer,
	`revoked_by` text,
	FOREIGN KEY (`persona_id`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`role_code`) REFERENCES `ref_roles`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `keret_role_grants_lookup_idx` ON `keret_role_grants` (`persona_id`,`municipality_id`,`role_code`);--> statement-breakpoint
CREATE INDEX `keret_role_grants_muni_idx` ON `keret_role_grants` (`municipality_id`,`role_code`);--> statement-breakpoint
CREATE TABLE `keret_role_substitutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`role_code` text NOT NULL,
	`absent_id` text NOT NULL,
	`substitute_id` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`revoked_at` integer,
	`revoked_by` text,
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`role_code`) REFERENCES `ref_roles`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`absent_id`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`substitute_id`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `keret_role_substitutions_lookup_idx` ON `keret_role_substitutions` (`substitute_id`,`municipality_id`,`role_code`);--> statement-breakpoint
CREATE TABLE `sandbox_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ref_accounts` (
	`code` text PRIMARY KEY NOT NULL,
	`name_hu` text NOT NULL,
	`name_en` text NOT NULL,
	`account_class` integer NOT NULL,
	`rovat_group` text,
	`stage` integer,
	`valid_from` text NOT NULL,
	`valid_to` text
);
--> statement-breakpoint
CREATE TABLE `ref_funkciok` (
	`code` text PRIMARY KEY NOT NULL,
	`name_hu` text NOT NULL,
	`name_en` text NOT NULL,
	`technical` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text
);
--> statement-breakpoint
CREATE TABLE `ref_parameters` (
	`key` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`value_int` integer,
	`value_text` text,
	`description_hu` text NOT NULL,
	`description_en` text NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`key`, `valid_from`)
);
--> statement-breakpoint
CREATE TABLE `ref_roles` (
	`code` text PRIMARY KEY NOT NULL,
	`subsystem` text NOT NULL,
	`name_hu` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ref_rovat_account_links` (
	`rovat_prefix` text NOT NULL,
	`budget_group` text NOT NULL,
	`balance_account` text,
	`result_account` text,
	`valid_from` text NOT NULL,
	`valid_to` text,
	PRIMARY KEY(`rovat_prefix`, `valid_from`)
);
--> statement-breakpoint
CREATE TABLE `ref_rovatok` (
	`code` text PRIMARY KEY NOT NULL,
	`parent_code` text,
	`name_hu` text NOT NULL,
	`name_en` text NOT NULL,
	`side` text NOT NULL,
	`is_leaf` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text
);
--> statement-breakpoint
CREATE INDEX `ref_rovatok_parent_idx` ON `ref_rovatok` (`parent_code`);