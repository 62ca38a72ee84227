package io.routemcp.simulators.hubspot;

import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenRegistry.TokenPair;
import io.vertx.core.json.JsonObject;

/** One simulated HubSpot account (hub) with its own CRM data. */
public final class Portal {

  private final long hubId;
  private final CrmStore store;
  private final TokenRegistry<Grant> tokens;

  Portal(long hubId, CrmStore store, TokenRegistry<Grant> tokens) {
    this.hubId = hubId;
    this.store = store;
    this.tokens = tokens;
  }

  public long hubId() {
    return hubId;
  }

  /** A fresh access and refresh token with every CRM scope, as if the OAuth flow had just completed. */
  public TokenSet issueTokens() {
    TokenPair<Grant> issued = tokens.issue(new Grant(this, HubSpotScopes.ALL));
    return new TokenSet(issued.accessToken(), issued.refreshToken(), issued.expiresInSeconds());
  }

  /** Revokes a refresh token (an uninstall): refreshing with it then fails with BAD_REFRESH_TOKEN. */
  public void revokeRefreshToken(String refreshToken) {
    tokens.revokeRefreshToken(refreshToken);
  }

  /** Live (not archived) objects of a type: "contacts", "contact" or "0-1". */
  public int count(String objectType) {
    return store.count(type(objectType));
  }

  /** An object with every set property, in HubSpot's record shape; null when missing or archived. */
  public JsonObject object(String objectType, String id) {
    CrmObjectType type = type(objectType);
    long numericId = CrmStore.parseId(id);
    CrmRecord record = numericId < 0 ? null : store.get(type, numericId, false);
    return record == null ? null : CrmJson.record(record, hubId, null);
  }

  String hubDomain() {
    return "portal-" + hubId + ".hubspot-sim.test";
  }

  /** The user who installed the app: the first owner. */
  Owner installingUser() {
    return store.owners().get(0);
  }

  CrmStore store() {
    return store;
  }

  private static CrmObjectType type(String objectType) {
    return CrmObjectType.parse(objectType)
        .orElseThrow(() -> new IllegalArgumentException("unknown HubSpot object type: " + objectType));
  }
}
