package io.routemcp.simulators.zoho;

import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenRegistry.TokenPair;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated Zoho CRM organization, living in one data centre, with its own users, pipelines
 * and records. Its tokens only work against its own data centre's API domain.
 */
public final class ZohoOrg {

  private final String orgId;
  private final ZohoDataCentre dataCentre;
  private final ZohoSimulator simulator;
  private final ZohoStore store;
  private final TokenRegistry<Grant> tokens;
  private final AtomicInteger inFlight = new AtomicInteger();

  ZohoOrg(String orgId, ZohoDataCentre dataCentre, ZohoSimulator simulator, ZohoStore store, TokenRegistry<Grant> tokens) {
    this.orgId = orgId;
    this.dataCentre = dataCentre;
    this.simulator = simulator;
    this.store = store;
    this.tokens = tokens;
  }

  /** Zoho's organization id (zgid). */
  public String orgId() {
    return orgId;
  }

  public ZohoDataCentre dataCentre() {
    return dataCentre;
  }

  /** The {@code api_domain} this organization's token responses carry. */
  public String apiDomain() {
    return simulator.apiDomain(dataCentre);
  }

  /** The accounts server that issued, and must refresh, this organization's tokens. */
  public String accountsServer() {
    return simulator.accountsServer(dataCentre);
  }

  /** A fresh access and refresh token with every CRM scope, as if the OAuth flow had just completed. */
  public ZohoTokenSet issueTokens() {
    TokenPair<Grant> issued = tokens.issue(new Grant(this, ZohoScopes.ALL));
    return new ZohoTokenSet(issued.accessToken(), issued.refreshToken(), apiDomain(), accountsServer(),
        issued.expiresInSeconds());
  }

  /** Revokes a refresh token (and the access tokens it minted): refreshing then answers invalid_code. */
  public void revokeRefreshToken(String refreshToken) {
    tokens.revoke(refreshToken);
  }

  /** Records of a module ("Contacts", "Deals", …). */
  public int count(String module) {
    return store.count(module(module));
  }

  /** A record with every field in Zoho's shape, or null. */
  public JsonObject record(String module, String id) {
    long parsed = ZohoValues.parseId(id);
    ZohoRecord record = parsed < 0 ? null : store.find(module(module), parsed);
    return record == null ? null : record.toJson(store.zone(), null);
  }

  /** Adds {@code count} more sample records to a module, e.g. to page past Zoho's 2,000-record switch. */
  public void seed(String module, int count) {
    new ZohoSeeder(store, simulator.clock(), orgId.hashCode()).seedMore(module(module), count);
  }

  ZohoStore store() {
    return store;
  }

  /** Counts a request in flight; false (and nothing counted) when the organization is at its limit. */
  boolean enter(int limit) {
    if (limit <= 0) {
      inFlight.incrementAndGet();
      return true;
    }
    while (true) {
      int current = inFlight.get();
      if (current >= limit) {
        return false;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  void leave() {
    inFlight.decrementAndGet();
  }

  private static ZohoModule module(String name) {
    return ZohoModule.parse(name).orElseThrow(() -> new IllegalArgumentException("unknown Zoho module: " + name));
  }
}
