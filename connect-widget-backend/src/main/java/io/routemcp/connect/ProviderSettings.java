package io.routemcp.connect;

import io.routemcp.kit.oauth.OAuthDescriptor;
import io.routemcp.kit.outbound.TrustedApiHosts;
import io.routemcp.kit.provider.ApiKeyVerification;
import io.routemcp.kit.provider.WidgetLook;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import java.util.List;
import java.util.function.Supplier;

/**
 * One provider as the connect services see it: which auth types it accepts and, for OAuth, its
 * descriptor (endpoints already pointing where this deployment must call) and client credentials.
 *
 * @param oauth null when the provider has no OAuth
 * @param apiKeyVerification null when the provider offers no API-key form
 */
public record ProviderSettings(
    String slug, String name, List<String> authTypes, OAuthDescriptor oauth, String clientId, String clientSecret,
    String apiBaseUrl, ApiKeyVerification apiKeyVerification, WidgetLook widget, TrustedApiHosts apiHosts) {

  /**
   * {@code {name?, authTypes:[..], oauth?:{…}, clientId?, clientSecret?, apiBaseUrl?, apiKeyVerification?, widget?,
   * trustedApiHosts?, apiDomainMetadata?}}: the provider's descriptor with this deployment's endpoints and
   * credentials; the name defaults to the slug
   */
  public static ProviderSettings fromJson(String slug, JsonObject json) {
    JsonArray authTypes = json.getJsonArray("authTypes");
    if (authTypes == null || authTypes.isEmpty()) {
      throw new IllegalArgumentException("providers." + slug + ".authTypes must list at least one auth type");
    }
    JsonObject oauthJson = json.getJsonObject("oauth");
    OAuthDescriptor oauth = oauthJson == null ? null : described(slug, () -> OAuthDescriptor.fromJson(oauthJson));
    List<String> types = authTypes.stream().map(String::valueOf).toList();
    if (types.contains("oauth2") && (oauth == null || oauth.tokenUrl() == null)) {
      throw new IllegalArgumentException("providers." + slug + " accepts oauth2 but has no oauth.tokenUrl");
    }
    return new ProviderSettings(slug, json.getString("name", slug), types, oauth, json.getString("clientId"), json.getString("clientSecret"),
        json.getString("apiBaseUrl"),
        described(slug, () -> ApiKeyVerification.fromJson(json.getJsonObject("apiKeyVerification"))),
        described(slug, () -> WidgetLook.fromJson(json.getJsonObject("widget"))),
        TrustedApiHosts.of(json, json.getString("apiBaseUrl")));
  }

  /** A part of the descriptor, or an error naming the provider it is wrong for. */
  private static <T> T described(String slug, Supplier<T> part) {
    try {
      return part.get();
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("providers." + slug + ": " + e.getMessage(), e);
    }
  }

  /**
   * Token-response metadata without an API domain this provider does not serve: such a domain
   * would receive the connection's token, so it is dropped (and said, without any secret).
   */
  public JsonObject trustedMetadata(JsonObject metadata, org.slf4j.Logger log) {
    if (apiHosts.acceptsMetadata(metadata)) {
      return metadata;
    }
    log.warn("{} token response named an API domain that is not one of its hosts; ignored", slug);
    JsonObject kept = metadata.copy();
    kept.remove(apiHosts.metadataField());
    return kept;
  }

  public boolean accepts(String authType) {
    return authTypes.contains(authType);
  }

  /**
   * Whether end users can connect through OAuth here: the provider takes it and this deployment
   * has an app registered with it (a client id) and knows where to send the browser.
   */
  public boolean oauthReady() {
    return accepts("oauth2") && oauth != null && oauth.authorizeUrl() != null && clientId != null && !clientId.isBlank();
  }

  /**
   * Authenticates this client at the provider's OAuth endpoints as its descriptor says: HTTP Basic,
   * or client_id and client_secret as form fields.
   */
  public void authenticateClient(HttpRequest<?> request, MultiMap form) {
    if (oauth != null && "basic".equals(oauth.clientAuth())) {
      request.basicAuthentication(nullToEmpty(clientId), nullToEmpty(clientSecret));
    } else {
      form.set("client_id", nullToEmpty(clientId));
      form.set("client_secret", nullToEmpty(clientSecret));
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  @Override
  public String toString() {
    return "ProviderSettings[slug=" + slug + ", authTypes=" + authTypes + ", clientId=" + clientId
        + ", clientSecret=<redacted>, apiBaseUrl=" + apiBaseUrl + "]";
  }
}
