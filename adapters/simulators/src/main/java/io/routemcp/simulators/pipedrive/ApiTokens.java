package io.routemcp.simulators.pipedrive;

import io.routemcp.simulators.oauth.TokenText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Users' personal API tokens: one per user, created on first use, never expiring, holding every permission. */
final class ApiTokens {

  private final Map<String, Grant> tokens = new ConcurrentHashMap<>();

  Grant grant(String token) {
    return token == null ? null : tokens.get(token);
  }

  synchronized String tokenFor(Company company, long userId) {
    for (Map.Entry<String, Grant> entry : tokens.entrySet()) {
      if (entry.getValue().company() == company && entry.getValue().userId() == userId) {
        return entry.getKey();
      }
    }
    String token = TokenText.hex(20);
    tokens.put(token, new Grant(company, userId, List.of()));
    return token;
  }
}
