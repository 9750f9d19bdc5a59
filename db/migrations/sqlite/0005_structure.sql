CREATE TABLE `document_label_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`set_id` integer NOT NULL,
	`name` text NOT NULL,
	`hotkey` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`set_id`) REFERENCES `document_label_sets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_label_options_set_name` ON `document_label_options` (`set_id`,`name`);--> statement-breakpoint
CREATE INDEX `document_label_options_set` ON `document_label_options` (`set_id`,`position`);--> statement-breakpoint
CREATE TABLE `document_label_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`multiple` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_label_sets_project_name` ON `document_label_sets` (`project_id`,`name`);--> statement-breakpoint
CREATE TABLE `label_attributes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`hotkey` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`label_id`) REFERENCES `labels`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `label_attributes_label_name` ON `label_attributes` (`label_id`,`name`);--> statement-breakpoint
CREATE TABLE `relation_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`color` text NOT NULL,
	`hotkey` text,
	`directed` integer DEFAULT true NOT NULL,
	`source_label_ids` text DEFAULT '[]' NOT NULL,
	`target_label_ids` text DEFAULT '[]' NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `relation_types_project_name` ON `relation_types` (`project_id`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `relation_types_project_hotkey` ON `relation_types` (`project_id`,`hotkey`);--> statement-breakpoint
CREATE TABLE `document_choices` (
	`annotation_id` integer NOT NULL,
	`option_id` integer NOT NULL,
	PRIMARY KEY(`annotation_id`, `option_id`),
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`option_id`) REFERENCES `document_label_options`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_choices_option` ON `document_choices` (`option_id`);--> statement-breakpoint
CREATE TABLE `span_relations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`annotation_id` integer NOT NULL,
	`source_span_id` integer NOT NULL,
	`target_span_id` integer NOT NULL,
	`type_id` integer NOT NULL,
	FOREIGN KEY (`annotation_id`) REFERENCES `annotations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_span_id`) REFERENCES `spans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_span_id`) REFERENCES `spans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`type_id`) REFERENCES `relation_types`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `span_relations_identity` ON `span_relations` (`source_span_id`,`target_span_id`,`type_id`);--> statement-breakpoint
CREATE INDEX `span_relations_layer` ON `span_relations` (`annotation_id`);--> statement-breakpoint
CREATE INDEX `span_relations_target` ON `span_relations` (`target_span_id`);--> statement-breakpoint
ALTER TABLE `spans` ADD `attributes` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `spans` ADD `note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `spans` ADD `fragments` text DEFAULT '[]' NOT NULL;