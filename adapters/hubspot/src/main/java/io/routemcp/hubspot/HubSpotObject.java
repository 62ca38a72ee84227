package io.routemcp.hubspot;

import io.routemcp.kit.resource.Resource;
import java.util.Map;
import java.util.Optional;

/**
 * The HubSpot CRM object behind each unified resource, with what differs between them: the
 * property holding the last modification (contacts alone say {@code lastmodifieddate}), whether
 * it is an engagement (which HubSpot will not create without {@code hs_timestamp}), and the
 * HUBSPOT_DEFINED association type used to link it to each other object type.
 */
enum HubSpotObject {
  CONTACTS(Resource.CONTACT, "contacts", "lastmodifieddate", false, Map.of("companies", 1)),
  COMPANIES(Resource.COMPANY, "companies", "hs_lastmodifieddate", false, Map.of()),
  DEALS(Resource.DEAL, "deals", "hs_lastmodifieddate", false, Map.of("contacts", 3, "companies", 5)),
  NOTES(Resource.NOTE, "notes", "hs_lastmodifieddate", true, Map.of("contacts", 202, "companies", 190, "deals", 214)),
  TASKS(Resource.TASK, "tasks", "hs_lastmodifieddate", true, Map.of("contacts", 204, "companies", 192, "deals", 216)),
  MEETINGS(Resource.MEETING, "meetings", "hs_lastmodifieddate", true,
      Map.of("contacts", 200, "companies", 188, "deals", 212)),
  CALLS(Resource.ACTIVITY, "calls", "hs_lastmodifieddate", true, Map.of("contacts", 194, "companies", 182, "deals", 206)),
  LEADS(Resource.LEAD, "leads", "hs_lastmodifieddate", false, Map.of("contacts", 578, "companies", 610));

  private final Resource resource;
  private final String path;
  private final String modifiedProperty;
  private final boolean engagement;
  private final Map<String, Integer> associationTypeIds;

  HubSpotObject(Resource resource, String path, String modifiedProperty, boolean engagement,
      Map<String, Integer> associationTypeIds) {
    this.resource = resource;
    this.path = path;
    this.modifiedProperty = modifiedProperty;
    this.engagement = engagement;
    this.associationTypeIds = associationTypeIds;
  }

  static Optional<HubSpotObject> of(Resource resource) {
    for (HubSpotObject object : values()) {
      if (object.resource == resource) {
        return Optional.of(object);
      }
    }
    return Optional.empty();
  }

  /** The object type in URLs, e.g. {@code contacts}. */
  String path() {
    return path;
  }

  String modifiedProperty() {
    return modifiedProperty;
  }

  boolean engagement() {
    return engagement;
  }

  /** The association type id from this object to {@code toType} ("companies"), if it links to it. */
  Optional<Integer> associationTypeId(String toType) {
    return Optional.ofNullable(associationTypeIds.get(toType));
  }
}
