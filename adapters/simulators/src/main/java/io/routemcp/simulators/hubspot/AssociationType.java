package io.routemcp.simulators.hubspot;

import static io.routemcp.simulators.hubspot.CrmObjectType.CALLS;
import static io.routemcp.simulators.hubspot.CrmObjectType.COMPANIES;
import static io.routemcp.simulators.hubspot.CrmObjectType.CONTACTS;
import static io.routemcp.simulators.hubspot.CrmObjectType.DEALS;
import static io.routemcp.simulators.hubspot.CrmObjectType.LEADS;
import static io.routemcp.simulators.hubspot.CrmObjectType.MEETINGS;
import static io.routemcp.simulators.hubspot.CrmObjectType.NOTES;
import static io.routemcp.simulators.hubspot.CrmObjectType.TASKS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A HUBSPOT_DEFINED association type: one direction of a pair (note→contact 202 is paired with
 * contact→note 201). {@code name} is the label v3 reads show ("deal_to_contact"); {@code label} is
 * the v4 label ("Primary" or null); {@code isDefault} marks the type a "default" association uses.
 */
record AssociationType(int id, CrmObjectType from, CrmObjectType to, String name, String label, boolean isDefault,
    int inverseId) {

  private static final Map<Integer, AssociationType> BY_ID = new HashMap<>();

  static {
    // Ids from HubSpot's association type table (note→contact 202, task→contact 204 and task→deal 216
    // are confirmed by recorded traffic); the lead ids are HubSpot's lead ↔ primary-contact pair.
    pair(1, 2, CONTACTS, COMPANIES, "Primary", false);
    pair(279, 280, CONTACTS, COMPANIES, null, true);
    pair(4, 3, CONTACTS, DEALS, null, true);
    pair(5, 6, DEALS, COMPANIES, "Primary", false);
    pair(341, 342, DEALS, COMPANIES, null, true);
    pair(202, 201, NOTES, CONTACTS, null, true);
    pair(190, 189, NOTES, COMPANIES, null, true);
    pair(214, 213, NOTES, DEALS, null, true);
    pair(204, 203, TASKS, CONTACTS, null, true);
    pair(192, 191, TASKS, COMPANIES, null, true);
    pair(216, 215, TASKS, DEALS, null, true);
    pair(200, 199, MEETINGS, CONTACTS, null, true);
    pair(188, 187, MEETINGS, COMPANIES, null, true);
    pair(212, 211, MEETINGS, DEALS, null, true);
    pair(194, 193, CALLS, CONTACTS, null, true);
    pair(182, 181, CALLS, COMPANIES, null, true);
    pair(206, 205, CALLS, DEALS, null, true);
    pair(578, 579, LEADS, CONTACTS, "Primary", false);
    pair(608, 607, LEADS, CONTACTS, null, true);
    pair(610, 611, LEADS, COMPANIES, null, true);
  }

  private static void pair(int forward, int backward, CrmObjectType a, CrmObjectType b, String label,
      boolean isDefault) {
    String suffix = label == null && hasPrimary(a, b) ? "_unlabeled" : "";
    BY_ID.put(forward, new AssociationType(forward, a, b,
        a.singular() + "_to_" + b.singular() + suffix, label, isDefault, backward));
    BY_ID.put(backward, new AssociationType(backward, b, a,
        b.singular() + "_to_" + a.singular() + suffix, label, isDefault, forward));
  }

  private static boolean hasPrimary(CrmObjectType a, CrmObjectType b) {
    return (a == CONTACTS && b == COMPANIES) || (a == DEALS && b == COMPANIES) || (a == LEADS && b == CONTACTS);
  }

  static Optional<AssociationType> byId(int id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  AssociationType inverse() {
    return BY_ID.get(inverseId);
  }

  /** The type a "default" association between the two object types creates. */
  static Optional<AssociationType> defaultBetween(CrmObjectType from, CrmObjectType to) {
    return BY_ID.values().stream().filter(t -> t.from == from && t.to == to && t.isDefault).findFirst();
  }

  /** Every type from one object type to another (v4 labels endpoint). */
  static List<AssociationType> between(CrmObjectType from, CrmObjectType to) {
    List<AssociationType> types = new ArrayList<>();
    for (AssociationType t : BY_ID.values()) {
      if (t.from == from && t.to == to) {
        types.add(t);
      }
    }
    types.sort((x, y) -> Integer.compare(x.id, y.id));
    return types;
  }
}
