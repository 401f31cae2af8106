-- Postings are immutable: corrections only by a reversing entry (reference.md §A.3, issue #4).
CREATE TRIGGER `fin_journal_entries_no_update` BEFORE UPDATE ON `fin_journal_entries`
BEGIN SELECT RAISE(ABORT, 'journal entries are immutable; post a reversal'); END;
--> statement-breakpoint
CREATE TRIGGER `fin_journal_entries_no_delete` BEFORE DELETE ON `fin_journal_entries`
BEGIN SELECT RAISE(ABORT, 'journal entries are immutable; post a reversal'); END;
--> statement-breakpoint
CREATE TRIGGER `fin_journal_lines_no_update` BEFORE UPDATE ON `fin_journal_lines`
BEGIN SELECT RAISE(ABORT, 'journal lines are immutable; post a reversal'); END;
--> statement-breakpoint
CREATE TRIGGER `fin_journal_lines_no_delete` BEFORE DELETE ON `fin_journal_lines`
BEGIN SELECT RAISE(ABORT, 'journal lines are immutable; post a reversal'); END;
--> statement-breakpoint
CREATE TRIGGER `keret_audit_log_no_update` BEFORE UPDATE ON `keret_audit_log`
BEGIN SELECT RAISE(ABORT, 'the business audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `keret_audit_log_no_delete` BEFORE DELETE ON `keret_audit_log`
BEGIN SELECT RAISE(ABORT, 'the business audit log is append-only'); END;
