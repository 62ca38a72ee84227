package io.routemcp.simulators.gohighlevel;

import java.util.Set;

/** The marketplace scopes the simulated API knows (docs/oauth/Scopes.md); others are refused on the consent page. */
final class GhlScopes {

  static final String CONTACTS_READ = "contacts.readonly";
  static final String CONTACTS_WRITE = "contacts.write";
  static final String OPPORTUNITIES_READ = "opportunities.readonly";
  static final String OPPORTUNITIES_WRITE = "opportunities.write";
  static final String CALENDARS_READ = "calendars.readonly";
  static final String EVENTS_READ = "calendars/events.readonly";
  static final String EVENTS_WRITE = "calendars/events.write";
  static final String USERS_READ = "users.readonly";
  static final String BUSINESSES_READ = "businesses.readonly";
  static final String BUSINESSES_WRITE = "businesses.write";
  static final String LOCATIONS_READ = "locations.readonly";

  static final Set<String> ALL = Set.of(CONTACTS_READ, CONTACTS_WRITE, OPPORTUNITIES_READ, OPPORTUNITIES_WRITE,
      CALENDARS_READ, "calendars.write", EVENTS_READ, EVENTS_WRITE, USERS_READ, "users.write", BUSINESSES_READ,
      BUSINESSES_WRITE, LOCATIONS_READ, "locations/tasks.readonly", "locations/tasks.write");

  private GhlScopes() {
  }

  static boolean isKnown(String scope) {
    return ALL.contains(scope);
  }

  /** What the consent page tells the user a scope allows. */
  static String describe(String scope) {
    int dot = scope.lastIndexOf('.');
    String area = (dot < 0 ? scope : scope.substring(0, dot)).replace('/', ' ');
    return (scope.endsWith(".write") ? "Edit " : "View ") + area;
  }
}
