package io.routemcp.simulators.zoho;

import java.util.List;

/**
 * One field of a module as the simulated Zoho knows it: its API name, its data type and, for
 * picklists, the values it accepts (empty: any value) or, for lookups, the module it points to.
 */
record ZohoField(String apiName, Type type, List<String> values, ZohoModule target) {

  enum Type {
    TEXT, TEXTAREA, EMAIL, PHONE, WEBSITE, NUMBER, INTEGER, DATE, DATETIME, BOOLEAN, PICKLIST,
    /** A deal's stage: a stage of the deal's pipeline. */
    STAGE,
    /** A deal's pipeline: a pipeline of the organization. */
    PIPELINE,
    LOOKUP, OWNER,
    /** The polymorphic lookup of activities; its module travels in {@code $se_module}. */
    WHAT_ID, SE_MODULE,
    /** The contact of an activity. */
    WHO_ID,
    /** A note's parent record, with its module inside the lookup (v8 shape). */
    PARENT_ID,
    /** An event's attendees: {@code [{"type","participant"}]}. */
    PARTICIPANTS,
    /** "mm:ss". */
    DURATION,
    /** Set by Zoho; ignored in writes. */
    SYSTEM
  }

  static ZohoField of(String apiName, Type type) {
    return new ZohoField(apiName, type, List.of(), null);
  }

  static ZohoField picklist(String apiName, String... values) {
    return new ZohoField(apiName, Type.PICKLIST, List.of(values), null);
  }

  static ZohoField lookup(String apiName, ZohoModule target) {
    return new ZohoField(apiName, Type.LOOKUP, List.of(), target);
  }

  boolean writable() {
    return type != Type.SYSTEM;
  }
}
