-- 事项取消 Withdrawal: a published version with withdrawal = true ends the item from its effective date. It carries the
-- content of the version it ends, and the reason in change_note; it goes through legal review like any version.
ALTER TABLE catalog_item_version ADD COLUMN withdrawal BOOLEAN NOT NULL DEFAULT FALSE;
-- A withdrawal's content hash is the ended content's, prefixed "withdrawal:" so that it never equals content in force.
ALTER TABLE catalog_item_version ALTER COLUMN content_hash TYPE VARCHAR(80);
