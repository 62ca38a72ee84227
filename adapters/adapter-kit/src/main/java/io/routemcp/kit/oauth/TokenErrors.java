package io.routemcp.kit.oauth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How a provider's token endpoint says what went wrong, beyond OAuth's standard {@code error}
 * codes: which answer fields and values mean the grant is dead (the user must authorize again)
 * and which mean "slow down". Descriptor: {@code oauth.tokenErrors: {deadGrant: {field: [values]},
 * throttled: {field: [values]}}}. OAuth's {@code error: invalid_grant} always means a dead grant.
 */
public record TokenErrors(Map<String, Set<String>> deadGrant, Map<String, Set<String>> throttled) {

  private static final String ERROR_FIELD = "error";
  private static final String STANDARD_DEAD_GRANT = "invalid_grant";

  static TokenErrors fromJson(JsonObject json) {
    JsonObject vocabulary = json == null ? new JsonObject() : json;
    Map<String, Set<String>> deadGrant = vocabulary(vocabulary.getJsonObject("deadGrant"));
    deadGrant.computeIfAbsent(ERROR_FIELD, field -> new LinkedHashSet<>()).add(STANDARD_DEAD_GRANT);
    return new TokenErrors(freeze(deadGrant), freeze(vocabulary(vocabulary.getJsonObject("throttled"))));
  }

  /** Whether this token-endpoint answer says the refresh token or code will never work again. */
  public boolean deadGrant(JsonObject answer) {
    return matches(deadGrant, answer);
  }

  /** Whether this token-endpoint answer asks to retry later. */
  public boolean throttled(JsonObject answer) {
    return matches(throttled, answer);
  }

  /**
   * The provider's error code in an answer: OAuth's {@code error}, else the first other field of
   * this vocabulary that holds a string. A code, never a credential; null when there is none.
   */
  public String code(JsonObject answer) {
    if (answer.getValue(ERROR_FIELD) instanceof String code) {
      return code;
    }
    Set<String> fields = new LinkedHashSet<>(deadGrant.keySet());
    fields.addAll(throttled.keySet());
    for (String field : fields) {
      if (answer.getValue(field) instanceof String code) {
        return code;
      }
    }
    return null;
  }

  private static boolean matches(Map<String, Set<String>> vocabulary, JsonObject answer) {
    return vocabulary.entrySet().stream()
        .anyMatch(entry -> answer.getValue(entry.getKey()) instanceof String value && entry.getValue().contains(value));
  }

  private static Map<String, Set<String>> vocabulary(JsonObject json) {
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    if (json != null) {
      for (String field : json.fieldNames()) {
        if (!(json.getValue(field) instanceof JsonArray values)) {
          throw new IllegalArgumentException("oauth.tokenErrors: " + field + " must list values");
        }
        fields.put(field, new LinkedHashSet<>(OAuthDescriptor.strings(values)));
      }
    }
    return fields;
  }

  private static Map<String, Set<String>> freeze(Map<String, Set<String>> fields) {
    Map<String, Set<String>> frozen = new LinkedHashMap<>();
    fields.forEach((field, values) -> frozen.put(field, Set.copyOf(values)));
    return Collections.unmodifiableMap(frozen);
  }
}
