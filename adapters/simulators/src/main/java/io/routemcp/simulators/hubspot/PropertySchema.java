package io.routemcp.simulators.hubspot;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The properties each simulated object type knows, with their types and fixed options. */
final class PropertySchema {

  enum Kind { STRING, NUMBER, DATETIME, ENUMERATION, BOOL }

  /**
   * One property. {@code options} is empty for free values; enumerations whose options live in the
   * portal (owners, pipelines, stages) have {@code portalOptions} set instead.
   */
  record Definition(String name, Kind kind, Set<String> options, boolean portalOptions, boolean readOnly) {}

  static final Set<String> LIFECYCLE_STAGES = Set.of("subscriber", "lead", "marketingqualifiedlead",
      "salesqualifiedlead", "opportunity", "customer", "evangelist", "other");
  static final Set<String> TASK_STATUSES = Set.of("NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED");
  static final Set<String> TASK_PRIORITIES = Set.of("NONE", "LOW", "MEDIUM", "HIGH");
  static final Set<String> TASK_TYPES = Set.of("TODO", "CALL", "EMAIL", "LINKED_IN", "MEETING",
      "LINKED_IN_CONNECT", "LINKED_IN_MESSAGE");
  static final Set<String> MEETING_OUTCOMES = Set.of("SCHEDULED", "COMPLETED", "RESCHEDULED", "NO_SHOW", "CANCELED");
  static final Set<String> CALL_DIRECTIONS = Set.of("INBOUND", "OUTBOUND");
  static final Set<String> CALL_STATUSES = Set.of("BUSY", "CALLING_CRM_USER", "CANCELED", "COMPLETED",
      "CONNECTING", "FAILED", "IN_PROGRESS", "MISSED", "NO_ANSWER", "QUEUED", "RINGING");
  static final Set<String> LEAD_STATUSES = Set.of("NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED",
      "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING");
  static final Set<String> INDUSTRIES = Set.of("ACCOUNTING", "BANKING", "COMPUTER_SOFTWARE", "CONSTRUCTION",
      "EDUCATION_MANAGEMENT", "FINANCIAL_SERVICES", "HOSPITAL_HEALTH_CARE", "INFORMATION_TECHNOLOGY_AND_SERVICES",
      "INTERNET", "MARKETING_AND_ADVERTISING", "REAL_ESTATE", "RETAIL", "TELECOMMUNICATIONS", "TRANSPORTATION_TRUCKING_RAILROAD");

  private static final Map<CrmObjectType, Map<String, Definition>> SCHEMAS = new EnumMap<>(CrmObjectType.class);

  static {
    for (CrmObjectType type : CrmObjectType.values()) {
      Builder b = new Builder();
      b.readOnly("hs_object_id", Kind.NUMBER);
      b.datetime(type.createdProperty());
      b.readOnly(type.modifiedProperty(), Kind.DATETIME);
      b.portal("hubspot_owner_id");
      b.readOnly("hs_object_source", Kind.STRING).readOnly("hs_object_source_label", Kind.STRING)
          .readOnly("hs_object_source_id", Kind.STRING);
      switch (type) {
        case CONTACTS -> b.strings("firstname", "lastname", "email", "phone", "mobilephone", "company", "jobtitle",
                "website", "address", "city", "state", "zip", "country", "fax", "message")
            .enumeration("lifecyclestage", LIFECYCLE_STAGES).enumeration("hs_lead_status", LEAD_STATUSES)
            .number("associatedcompanyid")
            .readOnly("hs_email_domain", Kind.STRING).readOnly("hs_full_name_or_email", Kind.STRING)
            .readOnly("hs_is_contact", Kind.BOOL).readOnly("hs_pipeline", Kind.STRING)
            .readOnly("hs_all_contact_vids", Kind.STRING);
        case COMPANIES -> b.strings("name", "domain", "phone", "website", "address", "city", "state", "zip", "country",
                "description")
            .enumeration("industry", INDUSTRIES).enumeration("lifecyclestage", LIFECYCLE_STAGES)
            .enumeration("type", Set.of("PROSPECT", "PARTNER", "RESELLER", "VENDOR", "OTHER"))
            .number("numberofemployees").number("annualrevenue");
        case DEALS -> b.strings("dealname", "description").number("amount").datetime("closedate")
            .portal("pipeline").portal("dealstage")
            .enumeration("dealtype", Set.of("newbusiness", "existingbusiness"))
            .enumeration("hs_priority", Set.of("low", "medium", "high"))
            .readOnly("hs_is_closed", Kind.BOOL).readOnly("hs_is_closed_won", Kind.BOOL)
            .readOnly("hs_deal_stage_probability", Kind.NUMBER);
        case NOTES -> b.strings("hs_note_body", "hs_attachment_ids").datetime("hs_timestamp")
            .readOnly("hs_body_preview", Kind.STRING).readOnly("hs_body_preview_is_truncated", Kind.BOOL);
        case TASKS -> b.strings("hs_task_subject", "hs_task_body").datetime("hs_timestamp")
            .enumeration("hs_task_status", TASK_STATUSES).enumeration("hs_task_priority", TASK_PRIORITIES)
            .enumeration("hs_task_type", TASK_TYPES).datetime("hs_task_completion_date");
        case MEETINGS -> b.strings("hs_meeting_title", "hs_meeting_body", "hs_meeting_location",
                "hs_internal_meeting_notes", "hs_meeting_external_url", "hs_activity_type")
            .datetime("hs_timestamp").datetime("hs_meeting_start_time").datetime("hs_meeting_end_time")
            .enumeration("hs_meeting_outcome", MEETING_OUTCOMES);
        case CALLS -> b.strings("hs_call_title", "hs_call_body", "hs_call_from_number", "hs_call_to_number",
                "hs_call_disposition", "hs_call_recording_url")
            .datetime("hs_timestamp").number("hs_call_duration")
            .enumeration("hs_call_direction", CALL_DIRECTIONS).enumeration("hs_call_status", CALL_STATUSES);
        case LEADS -> b.strings("hs_lead_name")
            .enumeration("hs_lead_type", Set.of("NEW_BUSINESS", "UPSELL", "RE_ATTEMPTING"))
            .enumeration("hs_lead_label", Set.of("COLD", "WARM", "HOT"))
            .portal("hs_pipeline").portal("hs_pipeline_stage");
      }
      SCHEMAS.put(type, Map.copyOf(b.definitions));
    }
  }

  private PropertySchema() {
  }

  static Optional<Definition> find(CrmObjectType type, String name) {
    return Optional.ofNullable(SCHEMAS.get(type).get(name));
  }

  static boolean has(CrmObjectType type, String name) {
    return SCHEMAS.get(type).containsKey(name);
  }

  /** Properties the full-text {@code query} of a search looks at. */
  static List<String> searchableText(CrmObjectType type) {
    return switch (type) {
      case CONTACTS -> List.of("firstname", "lastname", "email", "phone", "company", "website");
      case COMPANIES -> List.of("name", "domain", "website", "phone");
      case DEALS -> List.of("dealname");
      case NOTES -> List.of("hs_note_body");
      case TASKS -> List.of("hs_task_subject", "hs_task_body");
      case MEETINGS -> List.of("hs_meeting_title", "hs_meeting_body");
      case CALLS -> List.of("hs_call_title", "hs_call_body");
      case LEADS -> List.of("hs_lead_name");
    };
  }

  private static final class Builder {
    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    Builder strings(String... names) {
      for (String name : names) {
        definitions.put(name, new Definition(name, Kind.STRING, Set.of(), false, false));
      }
      return this;
    }

    Builder number(String name) {
      definitions.put(name, new Definition(name, Kind.NUMBER, Set.of(), false, false));
      return this;
    }

    Builder datetime(String name) {
      definitions.put(name, new Definition(name, Kind.DATETIME, Set.of(), false, false));
      return this;
    }

    Builder enumeration(String name, Set<String> options) {
      definitions.put(name, new Definition(name, Kind.ENUMERATION, options, false, false));
      return this;
    }

    Builder portal(String name) {
      definitions.put(name, new Definition(name, Kind.ENUMERATION, Set.of(), true, false));
      return this;
    }

    Builder readOnly(String name, Kind kind) {
      definitions.put(name, new Definition(name, kind, Set.of(), false, true));
      return this;
    }
  }
}
