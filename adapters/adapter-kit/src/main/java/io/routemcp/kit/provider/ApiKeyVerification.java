package io.routemcp.kit.provider;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an end user's personal API key is checked with the provider before a connection is saved,
 * and which account facts the answer gives the connection. Descriptor:
 * {@code apiKeyVerification: {path, header, accountObject, metadata: {field: [answer paths]}, apiBaseUrlField?}}.
 *
 * @param path the cheapest authenticated call, under the API base URL
 * @param header the request header that carries the key
 * @param accountObject the answer's field that must hold an object for the answer to count
 * @param metadata metadata field → dotted paths into the answer, the first present one wins
 * @param apiBaseUrlField the metadata field that receives the API base URL the key was checked at, or null
 */
public record ApiKeyVerification(String path, String header, String accountObject, Map<String, List<String>> metadata,
    String apiBaseUrlField) {

  /** Null when the descriptor has no {@code apiKeyVerification}: the provider offers no API-key form. */
  public static ApiKeyVerification fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    String path = json.getString("path");
    String header = json.getString("header");
    if (path == null || !path.startsWith("/") || header == null || header.isBlank()) {
      throw new IllegalArgumentException("apiKeyVerification needs a path starting with / and a header");
    }
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    JsonObject fields = json.getJsonObject("metadata", new JsonObject());
    for (String field : fields.fieldNames()) {
      if (!(fields.getValue(field) instanceof JsonArray paths)) {
        throw new IllegalArgumentException("apiKeyVerification.metadata." + field + " must list answer paths");
      }
      metadata.put(field, paths.stream().map(String::valueOf).toList());
    }
    return new ApiKeyVerification(path, header, json.getString("accountObject"), Collections.unmodifiableMap(metadata),
        json.getString("apiBaseUrlField"));
  }

  /** Whether the provider's answer is about an account: it holds the account object, when one is named. */
  public boolean describesAccount(JsonObject answer) {
    return answer != null && (accountObject == null || answer.getValue(accountObject) instanceof JsonObject);
  }

  /** The connection metadata this answer gives, without the API base URL. */
  public JsonObject metadataFrom(JsonObject answer) {
    JsonObject facts = new JsonObject();
    metadata.forEach((field, paths) -> paths.stream()
        .map(path -> read(answer, path))
        .filter(value -> value != null)
        .findFirst()
        .ifPresent(value -> facts.put(field, value)));
    return facts;
  }

  private static Object read(JsonObject answer, String path) {
    Object current = answer;
    for (String segment : path.split("\\.")) {
      if (!(current instanceof JsonObject object)) {
        return null;
      }
      current = object.getValue(segment);
    }
    return current;
  }
}
