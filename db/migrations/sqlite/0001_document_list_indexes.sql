CREATE INDEX `annotations_document_updated` ON `annotations` (`document_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `documents_project` ON `documents` (`project_id`);