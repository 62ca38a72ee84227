package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.oauth.TokenRegistry;
import io.routemcp.simulators.oauth.TokenRegistry.TokenPair;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;

/**
 * One Pipedrive company (account) with its users and CRM data. Its API answers at
 * {@link #apiDomain()}, the simulator's own address, which is what the token endpoint reports as
 * {@code api_domain}; two simulator instances are two company domains.
 */
public final class Company {

  /** Every scope Pipedrive apps can be granted that the simulated API checks. */
  static final List<String> ALL_SCOPES = List.of("base", "deals:full", "activities:full", "contacts:full", "leads:full",
      "users:read");

  private final long id;
  private final String name;
  private final String domain;
  private final CompanyStore store;
  private final TokenRegistry<Grant> tokens;
  private final ApiTokens apiTokens;
  private final Supplier<String> apiDomain;

  Company(long id, String name, String domain, CompanyStore store, TokenRegistry<Grant> tokens, ApiTokens apiTokens,
      Supplier<String> apiDomain) {
    this.id = id;
    this.name = name;
    this.domain = domain;
    this.store = store;
    this.tokens = tokens;
    this.apiTokens = apiTokens;
    this.apiDomain = apiDomain;
  }

  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** The company's subdomain, e.g. {@code acme-sales-1}; it also names its seeded e-mail domain. */
  public String domain() {
    return domain;
  }

  /** Where this company's API answers: {@code http://127.0.0.1:PORT}. */
  public String apiDomain() {
    return apiDomain.get();
  }

  /** The admin user who installs apps: the first user. */
  public long adminUserId() {
    return store.all(Entity.USERS, u -> true).get(0).getLong("id");
  }

  /** Tokens as if the admin had just installed the app with every scope. */
  public IssuedTokens issueTokens() {
    TokenPair<Grant> issued = tokens.issue(new Grant(this, adminUserId(), ALL_SCOPES));
    return new IssuedTokens(issued.accessToken(), issued.refreshToken(), issued.expiresInSeconds(), apiDomain());
  }

  /** The admin's personal API token (sent as {@code x-api-token}). */
  public String apiToken() {
    return apiTokens.tokenFor(this, adminUserId());
  }

  /** Revokes a refresh token, as an uninstall does: refreshing with it then fails with invalid_grant. */
  public void revokeRefreshToken(String refreshToken) {
    tokens.revoke(refreshToken);
  }

  /** Live records of an entity: "persons", "deals", "activities", "leads", "notes", "users", … */
  public int count(String entity) {
    return store.count(entity(entity));
  }

  /** A live record as the API would serve it, or null. */
  public JsonObject record(String entity, String recordId) {
    return store.get(entity(entity), recordId);
  }

  /** Live records of an entity, oldest first. */
  public List<JsonObject> records(String entity) {
    return store.all(entity(entity), r -> true);
  }

  CompanyStore store() {
    return store;
  }

  private static Entity entity(String name) {
    return Entity.parse(name).orElseThrow(() -> new IllegalArgumentException("unknown Pipedrive entity: " + name));
  }
}
