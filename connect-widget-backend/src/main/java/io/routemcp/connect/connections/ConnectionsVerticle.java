package io.routemcp.connect.connections;

import io.routemcp.connect.ConnectConfig;
import io.routemcp.connect.ProviderSettings;
import io.routemcp.connect.oauth.TokenUrls;
import io.routemcp.connect.vault.StoredSecret;
import io.routemcp.connect.vault.VaultException;
import io.routemcp.kit.connect.ConnectionEvent;
import io.routemcp.kit.connect.ConnectionImport;
import io.routemcp.kit.connect.ConnectionsClient;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.schema.FieldProblem;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections service on {@code routemcp.connect.connections}: imports a connection whose
 * tokens were obtained elsewhere, lists an end user's connections, and deletes one (revoking the
 * grant at the provider first when it can). Announces every change on
 * {@link ConnectionEvent#ADDRESS}.
 */
public final class ConnectionsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionsVerticle.class);
  private static final Set<String> IMPORTABLE_AUTH_TYPES = Set.of("oauth2", "api_key");

  private ConnectConfig config;
  private Pool pool;
  private ConnectionStore store;
  private ProviderRevocation revocation;
  private MessageConsumer<JsonObject> consumer;

  @Override
  public Future<?> start() {
    try {
      config = ConnectConfig.fromJson(config());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    pool = config.pool(vertx);
    store = new ConnectionStore(pool);
    revocation = new ProviderRevocation(WebClient.create(vertx), config.tokenRequestTimeoutMs());
    consumer = vertx.eventBus().consumer(ConnectionsClient.ADDRESS, this::onMessage);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  private void onMessage(Message<JsonObject> message) {
    String action = message.headers().get(ConnectionsClient.ACTION_HEADER);
    Future<?> outcome;
    try {
      JsonObject body = message.body() == null ? new JsonObject() : message.body();
      outcome = switch (action == null ? "" : action) {
        case ConnectionsClient.IMPORT -> importConnection(ConnectionImport.fromJson(body));
        case ConnectionsClient.LIST -> list(body);
        case ConnectionsClient.DELETE -> delete(body);
        default -> Future.failedFuture(new ApiException(ErrorCode.INTERNAL_ERROR, "Unknown connections action"));
      };
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome.onComplete(result -> {
      if (result.succeeded()) {
        message.reply(result.result());
      } else {
        message.reply(toApiException(action, result.cause()).toReplyException());
      }
    });
  }

  private Future<JsonObject> importConnection(ConnectionImport request) {
    UUID orgId = ConnectionRecord.idOrNull(request.orgId());
    if (orgId == null) {
      return Future.failedFuture(organizationNotFound());
    }
    List<FieldProblem> problems = new ArrayList<>();
    String environment = environmentOrProblem(request.environment(), problems);
    if (isBlank(request.endUserId())) {
      problems.add(new FieldProblem("endUserId", "required"));
    }
    ProviderSettings provider = null;
    String authType = null;
    if (isBlank(request.provider())) {
      problems.add(new FieldProblem("provider", "required"));
    } else if ((provider = config.providers().get(request.provider())) == null) {
      problems.add(new FieldProblem("provider", "unknown provider; known: " + String.join(", ", config.providers().keySet())));
    } else {
      authType = authTypeOrProblem(provider, request.authType(), problems);
    }
    if (provider != null && !provider.apiHosts().acceptsMetadata(request.metadata())) {
      problems.add(new FieldProblem("metadata." + provider.apiHosts().metadataField(), "must be an https URL on one of " + provider.name() + "'s API hosts"));
    }
    if (isBlank(request.accessToken())) {
      problems.add(new FieldProblem("credentials.access_token", "required"));
    }
    Instant expiresAt = null;
    if (request.expiresAt() != null) {
      try {
        expiresAt = OffsetDateTime.parse(request.expiresAt()).toInstant();
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("credentials.expires_at", "expected an ISO-8601 date-time such as 2026-03-09T15:00:00Z"));
      }
    }
    if (!problems.isEmpty()) {
      return Future.failedFuture(validationError(problems));
    }

    UUID id = UUID.randomUUID();
    boolean apiKey = "api_key".equals(authType);
    StoredSecret secret = apiKey
        ? StoredSecret.apiKey(request.accessToken())
        : StoredSecret.oauth(request.accessToken(), request.refreshToken());
    byte[] credentials = config.vault().encrypt(id.toString(), secret);
    JsonObject metadata = request.metadata() == null ? new JsonObject() : request.metadata().copy();
    return store.insert(new ConnectionStore.NewConnection(id, orgId, environment, request.endUserId(),
            provider.slug(), authType, credentials, apiKey ? null : tokenExpiry(expiresAt, request.refreshToken()),
            metadata))
        .compose(created -> {
          if (created == null) {
            return Future.failedFuture(organizationNotFound());
          }
          LOG.info("Imported connection {} ({} {}) for organization {}", created.id(), created.provider(),
              created.authType(), orgId);
          publish(ConnectionEvent.Type.CREATED, created);
          return Future.succeededFuture(created.toView());
        });
  }

  private Future<JsonArray> list(JsonObject body) {
    UUID orgId = ConnectionRecord.idOrNull(body.getString("orgId"));
    List<FieldProblem> problems = new ArrayList<>();
    String environment = environmentOrProblem(body.getString("environment"), problems);
    String endUserId = body.getString("endUserId");
    if (isBlank(endUserId)) {
      problems.add(new FieldProblem("endUserId", "required"));
    }
    if (!problems.isEmpty()) {
      return Future.failedFuture(validationError(problems));
    }
    if (orgId == null) {
      return Future.succeededFuture(new JsonArray());
    }
    return store.list(orgId, environment, endUserId)
        .map(records -> new JsonArray(records.stream().map(ConnectionRecord::toView).collect(Collectors.toList())));
  }

  private Future<Void> delete(JsonObject body) {
    UUID orgId = ConnectionRecord.idOrNull(body.getString("orgId"));
    UUID connectionId = ConnectionRecord.idOrNull(body.getString("connectionId"));
    List<FieldProblem> problems = new ArrayList<>();
    String environment = environmentOrProblem(body.getString("environment"), problems);
    if (!problems.isEmpty()) {
      return Future.failedFuture(validationError(problems));
    }
    if (orgId == null || connectionId == null) {
      return Future.failedFuture(connectionNotFound());
    }
    // the row goes first: a concurrent delete then finds nothing, and a failed revocation cannot leave it behind
    return store.delete(connectionId, orgId, environment, body.getString("endUserId")).compose(deleted -> {
      if (deleted == null) {
        return Future.failedFuture(connectionNotFound());
      }
      publish(ConnectionEvent.Type.REVOKED, deleted);
      LOG.info("Deleted connection {} ({}) of organization {}", deleted.id(), deleted.provider(), orgId);
      return revokeAtProvider(deleted);
    });
  }

  /** Best effort: the connection is gone from RouteMCP whatever the provider answers. */
  private Future<Void> revokeAtProvider(ConnectionRecord deleted) {
    if (!"oauth2".equals(deleted.authType()) || deleted.credentials() == null) {
      return Future.succeededFuture();
    }
    StoredSecret secret;
    try {
      secret = config.vault().decrypt(deleted.id().toString(), deleted.credentials());
    } catch (VaultException e) {
      LOG.warn("Not revoking connection {} at {}: {}", deleted.id(), deleted.provider(), e.getMessage());
      return Future.succeededFuture();
    }
    ProviderSettings provider = config.providers().get(deleted.provider());
    if (provider == null || provider.oauth() == null) {
      return Future.succeededFuture();
    }
    String revokeUrl = TokenUrls.revokeUrl(provider, TokenUrls.storedAccountsServer(provider, deleted.metadata()));
    return revocation.revoke(provider, revokeUrl, secret)
        .recover(failure -> {
          LOG.warn("Revoking connection {} at {} failed ({}); it is deleted here regardless", deleted.id(),
              deleted.provider(), failure.getMessage());
          return Future.succeededFuture();
        });
  }

  /**
   * An unknown expiry with a refresh token is treated as already due: the first use refreshes and
   * so learns the real expiry, rather than handing out a token that may have died long ago.
   * Without a refresh token nothing can be done about expiry, so none is recorded.
   */
  private static Instant tokenExpiry(Instant expiresAt, String refreshToken) {
    if (expiresAt != null) {
      return expiresAt;
    }
    return refreshToken == null || refreshToken.isBlank() ? null : Instant.now();
  }

  private void publish(ConnectionEvent.Type type, ConnectionRecord connection) {
    vertx.eventBus().publish(ConnectionEvent.ADDRESS, new ConnectionEvent(type, connection.id().toString(),
        connection.orgId().toString(), connection.environment(), connection.endUserExternalId(),
        connection.provider()).toJson());
  }

  private static String authTypeOrProblem(ProviderSettings provider, String requested, List<FieldProblem> problems) {
    if (requested == null) {
      for (String candidate : List.of("oauth2", "api_key")) {
        if (provider.accepts(candidate)) {
          return candidate;
        }
      }
      problems.add(new FieldProblem("provider", provider.slug() + " takes no credentials to import"));
      return null;
    }
    if (!IMPORTABLE_AUTH_TYPES.contains(requested)) {
      problems.add(new FieldProblem("authType", "expected oauth2 or api_key"));
      return null;
    }
    if (!provider.accepts(requested)) {
      problems.add(new FieldProblem("authType", provider.slug() + " does not accept " + requested));
      return null;
    }
    return requested;
  }

  private static String environmentOrProblem(String value, List<FieldProblem> problems) {
    try {
      return Environment.fromWire(value).wireName();
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("environment", "expected live or test"));
      return null;
    }
  }

  private static ApiException validationError(List<FieldProblem> problems) {
    return new ApiException(ErrorCode.VALIDATION_ERROR,
        "Invalid connection: " + problems.stream().map(FieldProblem::toString).collect(Collectors.joining(", ")),
        null, null, new JsonArray(problems.stream().map(FieldProblem::toJson).collect(Collectors.toList())));
  }

  private static ApiException organizationNotFound() {
    return new ApiException(ErrorCode.ORGANIZATION_NOT_FOUND, "Organization not found");
  }

  private static ApiException connectionNotFound() {
    return new ApiException(ErrorCode.CONNECTION_NOT_FOUND, "Connection not found");
  }

  private static ApiException toApiException(String action, Throwable failure) {
    if (failure instanceof ApiException api) {
      return api;
    }
    LOG.error("Connections action {} failed: {}", action, failure.toString());
    return new ApiException(ErrorCode.INTERNAL_ERROR, "Internal error");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
