-- An organization's overrides of the providers' default field mappings, one row per unified field.
CREATE TABLE field_mapping_overrides (
    organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    provider         text NOT NULL,
    resource         text NOT NULL,
    unified_field    text NOT NULL,
    item             jsonb NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, provider, resource, unified_field)
);
