package io.routemcp.kit.resource;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The unified resources of the API, as named in URLs and on the event bus. */
public enum Resource {
  CONTACT("contact", "contacts", true),
  LEAD("lead", "leads", true),
  DEAL("deal", "deals", true),
  MEETING("meeting", "meetings", true),
  COMPANY("company", "companies", true),
  NOTE("note", "notes", true),
  TASK("task", "tasks", true),
  ACTIVITY("activity", "activities", true),
  APPOINTMENT("appointment", "appointments", true),
  OWNER("owner", "owners", false),
  PIPELINE("pipeline", "pipelines", false);

  private static final Map<String, Resource> BY_PATH = Arrays.stream(values())
      .flatMap(r -> java.util.stream.Stream.of(Map.entry(r.singular, r), Map.entry(r.plural, r)))
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  private static final Map<String, Resource> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Resource::wireName, Function.identity()));

  private final String singular;
  private final String plural;
  private final boolean writable;

  Resource(String singular, String plural, boolean writable) {
    this.singular = singular;
    this.plural = plural;
    this.writable = writable;
  }

  /** The name used on the wire (event bus, mapping files, catalogue). */
  public String wireName() {
    return singular;
  }

  public String plural() {
    return plural;
  }

  public boolean writable() {
    return writable;
  }

  /** The error code for a missing record, e.g. {@code CONTACT_NOT_FOUND}. */
  public String notFoundCode() {
    return name() + "_NOT_FOUND";
  }

  /** A human label, e.g. "Contact". */
  public String label() {
    return Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
  }

  /** Standard key prefix for field mappings, e.g. {@code contacts:v1}. */
  public String standardKeyPrefix() {
    return plural + ":v1";
  }

  /** Resolves a URL path segment, singular or plural, case-insensitively. */
  public static Optional<Resource> fromPath(String segment) {
    return segment == null ? Optional.empty() : Optional.ofNullable(BY_PATH.get(segment.toLowerCase(Locale.ROOT)));
  }

  public static Resource fromWire(String name) {
    Resource r = BY_NAME.get(name);
    if (r == null) {
      throw new IllegalArgumentException("unknown resource " + name);
    }
    return r;
  }
}
