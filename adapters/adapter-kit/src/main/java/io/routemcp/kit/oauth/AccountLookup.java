package io.routemcp.kit.oauth;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Account facts a provider's token response does not carry but an endpoint answers for the new
 * access token (e.g. the account id the adapter puts in its URLs). Descriptor:
 * {@code oauth.accountLookup: {path, fields: {answerField: metadataField}}}.
 *
 * @param path under the API base URL, with {@code {token}} for the URL-encoded access token
 * @param fields which top-level fields of the answer are kept, and under which metadata names
 */
public record AccountLookup(String path, Map<String, String> fields) {

  /** Null when the descriptor has no {@code accountLookup}. */
  static AccountLookup fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    String path = json.getString("path");
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("oauth.accountLookup.path must be a path starting with /");
    }
    return new AccountLookup(path, OAuthDescriptor.stringMap(json.getJsonObject("fields")));
  }
}
