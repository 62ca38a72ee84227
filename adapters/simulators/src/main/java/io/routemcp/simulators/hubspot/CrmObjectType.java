package io.routemcp.simulators.hubspot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The HubSpot CRM object types the simulator serves, with their ids, scopes and naming quirks. */
enum CrmObjectType {
  CONTACTS("contacts", "contact", "0-1", "contacts",
      List.of("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname")),
  COMPANIES("companies", "company", "0-2", "companies",
      List.of("createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name")),
  DEALS("deals", "deal", "0-3", "deals",
      List.of("amount", "closedate", "createdate", "dealname", "dealstage", "hs_lastmodifieddate", "hs_object_id",
          "pipeline")),
  TASKS("tasks", "task", "0-27", "contacts",
      List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id", "hs_task_priority", "hs_task_subject",
          "hs_task_type")),
  NOTES("notes", "note", "0-46", "contacts", List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id")),
  MEETINGS("meetings", "meeting", "0-47", "contacts", List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id")),
  CALLS("calls", "call", "0-48", "contacts", List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id")),
  LEADS("leads", "lead", "0-136", "leads", List.of("hs_createdate", "hs_lastmodifieddate", "hs_object_id"));

  private final String path;
  private final String singular;
  private final String typeId;
  private final String scopeGroup;
  private final List<String> defaultProperties;

  CrmObjectType(String path, String singular, String typeId, String scopeGroup, List<String> defaultProperties) {
    this.path = path;
    this.singular = singular;
    this.typeId = typeId;
    this.scopeGroup = scopeGroup;
    this.defaultProperties = defaultProperties;
  }

  /** Accepts the plural path name, the singular name or the object type id ("contacts", "contact", "0-1"). */
  static Optional<CrmObjectType> parse(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (CrmObjectType type : values()) {
      if (type.path.equals(n) || type.singular.equals(n) || type.typeId.equals(n)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  String path() {
    return path;
  }

  String singular() {
    return singular;
  }

  String typeId() {
    return typeId;
  }

  boolean isEngagement() {
    return this == TASKS || this == NOTES || this == MEETINGS || this == CALLS;
  }

  /** Contacts, companies and deals say {@code createdate}; engagements and leads {@code hs_createdate}. */
  String createdProperty() {
    return isEngagement() || this == LEADS ? "hs_createdate" : "createdate";
  }

  /** Contacts alone say {@code lastmodifieddate}. */
  String modifiedProperty() {
    return this == CONTACTS ? "lastmodifieddate" : "hs_lastmodifieddate";
  }

  List<String> defaultProperties() {
    return defaultProperties;
  }

  /** Engagements are read and written with the contacts scopes, as in HubSpot. */
  String readScope() {
    return "crm.objects." + scopeGroup + ".read";
  }

  String writeScope() {
    return "crm.objects." + scopeGroup + ".write";
  }

  /** The record's page in HubSpot's UI, in the shapes HubSpot itself returns. */
  String url(long hubId, long id) {
    String app = "https://app.hubspot.com";
    return switch (this) {
      case CONTACTS, COMPANIES, DEALS -> app + "/contacts/" + hubId + "/record/" + typeId + "/" + id;
      case TASKS -> app + "/tasks/" + hubId + "/view/all/task/" + id;
      default -> app + "/contacts/" + hubId + "/objects/" + typeId + "/views/all/list?filters="
          + URLEncoder.encode("[{\"property\":\"hs_object_id\",\"operator\":\"EQ\",\"value\":\"" + id + "\"}]",
              StandardCharsets.UTF_8);
    };
  }
}
