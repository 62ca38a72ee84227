package io.routemcp.kit.schema;

/** The JSON type a unified field carries. */
public enum FieldType {
  STRING,
  /** A decimal number, e.g. an amount. */
  DECIMAL,
  INTEGER,
  BOOLEAN,
  /** ISO-8601 instant with offset; a plain date is accepted as midnight UTC. */
  DATETIME,
  /** ISO-8601 calendar date {@code YYYY-MM-DD}. */
  DATE,
  /** One of {@link Field#values()}. */
  ENUM,
  /** The id of another record, as a string. */
  REFERENCE,
  /** A list of ids of other records. */
  REFERENCE_LIST,
  /** A list of objects whose members are {@link Field#members()}. */
  OBJECT_LIST,
  /** Free-form object of scalars (custom fields). */
  MAP
}
