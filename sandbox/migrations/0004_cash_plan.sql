CREATE TABLE `fin_cash_plans` (
	`municipality_id` text NOT NULL,
	`year` integer NOT NULL,
	`month` integer NOT NULL,
	`planned_out` integer NOT NULL,
	`set_by` text NOT NULL,
	`set_at` integer NOT NULL,
	PRIMARY KEY(`municipality_id`, `year`, `month`),
	FOREIGN KEY (`municipality_id`) REFERENCES `keret_municipalities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `keret_personas`(`id`) ON UPDATE no action ON DELETE no action
);
