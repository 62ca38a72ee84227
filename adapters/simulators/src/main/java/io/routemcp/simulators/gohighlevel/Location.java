package io.routemcp.simulators.gohighlevel;

import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenRegistry.TokenPair;
import io.vertx.core.json.JsonObject;

/** One simulated sub-account (a LeadConnector "location") of an agency, with its own records. */
public final class Location {

  private final String locationId;
  private final String companyId;
  private final String name;
  private final LocationStore store;
  private final TokenRegistry<Grant> tokens;

  Location(String locationId, String companyId, String name, LocationStore store, TokenRegistry<Grant> tokens) {
    this.locationId = locationId;
    this.companyId = companyId;
    this.name = name;
    this.store = store;
    this.tokens = tokens;
  }

  public String locationId() {
    return locationId;
  }

  public String companyId() {
    return companyId;
  }

  public String name() {
    return name;
  }

  /** A fresh access and refresh token with every scope, as if the app had just been installed here. */
  public IssuedTokens issueTokens() {
    TokenPair<Grant> issued = tokens.issue(new Grant(this, GhlScopes.ALL));
    return new IssuedTokens(issued.accessToken(), issued.refreshToken(), issued.expiresInSeconds(), locationId, companyId,
        installingUserId());
  }

  /** Whether a refresh token can still be used: false once spent by a refresh (they rotate). */
  public boolean refreshTokenIsLive(String refreshToken) {
    return tokens.refreshGrant(refreshToken) != null;
  }

  /**
   * Records of a kind: contacts, leads (contacts of type lead), opportunities, pipelines,
   * businesses, notes, tasks, users, calendars or events.
   */
  public int count(String kind) {
    return switch (kind) {
      case "contacts" -> store.contacts().size();
      case "leads" -> (int) store.contacts().stream().filter(c -> "lead".equals(c.getString("type"))).count();
      case "opportunities" -> store.opportunities().size();
      case "pipelines" -> store.pipelines().size();
      case "businesses" -> store.businesses().size();
      case "notes" -> store.noteCount();
      case "tasks" -> store.taskCount();
      case "users" -> store.users().size();
      case "calendars" -> store.calendars().size();
      case "events" -> store.events().size();
      default -> throw new IllegalArgumentException("unknown record kind " + kind);
    };
  }

  /** A contact in its GET shape, or null. */
  public JsonObject contact(String contactId) {
    return store.contact(contactId);
  }

  /** An opportunity in its GET shape, or null. */
  public JsonObject opportunity(String opportunityId) {
    return store.opportunity(opportunityId);
  }

  /** The user who installed the app: the location's first user. */
  String installingUserId() {
    return store.users().isEmpty() ? null : store.users().get(0).getString("id");
  }

  LocationStore store() {
    return store;
  }
}
