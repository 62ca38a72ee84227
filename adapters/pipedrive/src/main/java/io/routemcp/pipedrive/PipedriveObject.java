package io.routemcp.pipedrive;

import io.routemcp.kit.resource.Resource;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * The Pipedrive collection behind each unified resource and what differs between them: the API
 * version (v2 pages with a cursor, v1 with start/limit), how an update is sent, and for the three
 * resources that share {@code /activities} which activity types belong to each. Meetings are the
 * activities of type {@code meeting}, tasks those of type {@code task}, and the activity resource
 * every other type (call, email, deadline, lunch, custom types), so no record is listed twice.
 */
enum PipedriveObject {
  CONTACT(Resource.CONTACT, 2, "persons", null),
  COMPANY(Resource.COMPANY, 2, "organizations", null),
  DEAL(Resource.DEAL, 2, "deals", null),
  ACTIVITY(Resource.ACTIVITY, 2, "activities", null),
  MEETING(Resource.MEETING, 2, "activities", "meeting"),
  TASK(Resource.TASK, 2, "activities", "task"),
  PIPELINE(Resource.PIPELINE, 2, "pipelines", null),
  LEAD(Resource.LEAD, 1, "leads", null),
  NOTE(Resource.NOTE, 1, "notes", null),
  OWNER(Resource.OWNER, 1, "users", null);

  /** The activity types with a resource of their own. */
  private static final Set<String> OWN_RESOURCE_TYPES = Set.of("meeting", "task");

  private final Resource resource;
  private final int version;
  private final String collection;
  private final String activityType;

  PipedriveObject(Resource resource, int version, String collection, String activityType) {
    this.resource = resource;
    this.version = version;
    this.collection = collection;
    this.activityType = activityType;
  }

  static Optional<PipedriveObject> of(Resource resource) {
    for (PipedriveObject object : values()) {
      if (object.resource == resource) {
        return Optional.of(object);
      }
    }
    return Optional.empty();
  }

  /** {@code /api/v2/persons}, {@code /api/v1/notes}, … */
  String path() {
    return "/api/v" + version + "/" + collection;
  }

  boolean v2() {
    return version == 2;
  }

  boolean isActivity() {
    return collection.equals("activities");
  }

  /** The type a new record of this resource gets ({@code meeting}, {@code task}); null when the body decides. */
  String activityType() {
    return activityType;
  }

  /** Whether records must be picked out of a shared collection, so a provider page may hold none of them. */
  boolean sharesCollection() {
    return isActivity();
  }

  /** Numeric ids everywhere but leads, whose ids are UUIDs. */
  boolean numericIds() {
    return this != LEAD;
  }

  /** v1 notes are replaced with PUT; everything else takes PATCH. */
  HttpMethod updateMethod() {
    return this == NOTE ? HttpMethod.PUT : HttpMethod.PATCH;
  }

  /** Whether a record Pipedrive answered is a live record of this resource. */
  boolean holds(JsonObject record) {
    if (record == null || Boolean.TRUE.equals(record.getValue("is_deleted")) || "deleted".equals(record.getValue("status"))) {
      return false;
    }
    if (!isActivity()) {
      return true;
    }
    Object type = record.getValue("type");
    return activityType != null ? activityType.equals(type) : !OWN_RESOURCE_TYPES.contains(type);
  }
}
