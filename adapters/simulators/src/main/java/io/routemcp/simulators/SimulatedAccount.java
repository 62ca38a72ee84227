package io.routemcp.simulators;

import io.routemcp.simulators.oauth.OAuthTokens;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A new account in a simulator, as a completed connection would hold it.
 *
 * @param facts what identifies the account (and any other credential it has), in print order
 * @param tokens the account's first token set
 * @param connectionMetadata what the real OAuth flow would have captured on the connection
 * @param apiToken the account's API token for providers that connect with one too, else null
 */
public record SimulatedAccount(Map<String, String> facts, OAuthTokens tokens, JsonObject connectionMetadata, String apiToken) {}
