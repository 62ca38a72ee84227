package io.routemcp.salesforce;

import io.routemcp.kit.resource.Resource;
import java.util.Map;
import java.util.Optional;

/**
 * The sObject behind each unified resource, with the SOQL condition that narrows a shared object
 * to the resource (calls are Tasks of subtype Call, owners are the standard users) and the fields
 * a create adds so the record lands in that narrowed set.
 */
enum SObject {
  CONTACT(Resource.CONTACT, "Contact", null, Map.of()),
  LEAD(Resource.LEAD, "Lead", null, Map.of()),
  ACCOUNT(Resource.COMPANY, "Account", null, Map.of()),
  OPPORTUNITY(Resource.DEAL, "Opportunity", null, Map.of()),
  TASK(Resource.TASK, "Task", "TaskSubtype != 'Call'", Map.of()),
  CALL(Resource.ACTIVITY, "Task", "TaskSubtype = 'Call'", Map.of("TaskSubtype", "Call")),
  EVENT(Resource.MEETING, "Event", null, Map.of()),
  NOTE(Resource.NOTE, "Note", null, Map.of()),
  USER(Resource.OWNER, "User", "UserType = 'Standard'", Map.of());

  private final Resource resource;
  private final String type;
  private final String condition;
  private final Map<String, Object> createDefaults;

  SObject(Resource resource, String type, String condition, Map<String, Object> createDefaults) {
    this.resource = resource;
    this.type = type;
    this.condition = condition;
    this.createDefaults = createDefaults;
  }

  static Optional<SObject> of(Resource resource) {
    for (SObject object : values()) {
      if (object.resource == resource) {
        return Optional.of(object);
      }
    }
    return Optional.empty();
  }

  /** The sObject type name, e.g. {@code Opportunity}. */
  String type() {
    return type;
  }

  /** A SOQL condition every record of the resource meets, or null. */
  String condition() {
    return condition;
  }

  Map<String, Object> createDefaults() {
    return createDefaults;
  }
}
