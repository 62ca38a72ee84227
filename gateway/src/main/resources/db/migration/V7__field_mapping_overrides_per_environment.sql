-- Overrides belong to one organization AND one environment: a test key must never read, change or
-- delete live overrides. Rows made before this applied to both environments, so each is kept in both.
ALTER TABLE field_mapping_overrides ADD COLUMN environment text CHECK (environment IN ('live', 'test'));
INSERT INTO field_mapping_overrides (organization_id, provider, resource, unified_field, item, updated_at, environment)
    SELECT organization_id, provider, resource, unified_field, item, updated_at, 'test'
    FROM field_mapping_overrides WHERE environment IS NULL;
UPDATE field_mapping_overrides SET environment = 'live' WHERE environment IS NULL;
ALTER TABLE field_mapping_overrides ALTER COLUMN environment SET NOT NULL;
ALTER TABLE field_mapping_overrides DROP CONSTRAINT field_mapping_overrides_pkey;
ALTER TABLE field_mapping_overrides ADD PRIMARY KEY (organization_id, environment, provider, resource, unified_field);
