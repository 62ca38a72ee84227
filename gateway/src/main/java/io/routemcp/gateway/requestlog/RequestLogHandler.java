package io.routemcp.gateway.requestlog;

import io.routemcp.gateway.api.RequestIds;
import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On the root router: when a response ends, hands an entry to the {@link RequestLogWriter} for every
 * authenticated API call and every admin change. Only enqueues; never touches the database itself.
 */
public final class RequestLogHandler implements Handler<RoutingContext> {

  private static final Pattern RESOURCE = Pattern.compile("^/api/v1/(?:crm/)?([^/]+)");
  private static final Pattern ADMIN_ORG = Pattern.compile("^/admin/v1/organizations/([0-9a-fA-F-]{36})");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,40}");
  private static final Pattern UUID_SEGMENT = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");

  private final RequestLogWriter writer;

  public RequestLogHandler(RequestLogWriter writer) {
    this.writer = writer;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(ended -> {
      RequestLogEntry entry = entry(ctx, (int) ((System.nanoTime() - started) / 1_000_000));
      if (entry != null) {
        writer.record(entry);
      }
    });
    ctx.next();
  }

  private static RequestLogEntry entry(RoutingContext ctx, int latencyMs) {
    String path = ctx.request().path();
    HttpMethod method = ctx.request().method();
    ApiException failure = ctx.failure() instanceof ApiException api ? api : null;
    String kind;
    UUID orgId;
    String environment = null;
    String keyId = null;
    if (path.startsWith("/api/v1/")) {
      ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
      if (principal == null) {
        return null; // not attributable to an organization
      }
      kind = "api";
      orgId = UUID.fromString(principal.orgId());
      environment = principal.environment().wireName();
      keyId = principal.keyId();
    } else if (path.startsWith("/admin/v1/") && method != HttpMethod.GET) {
      kind = "admin";
      Matcher org = ADMIN_ORG.matcher(path);
      orgId = org.find() ? parseUuid(org.group(1)) : null;
    } else {
      return null;
    }
    String provider = ctx.request().getParam("provider");
    if ((provider == null || !SLUG.matcher(provider).matches())) {
      provider = failure == null ? null : failure.provider();
    }
    UUID connection = parseUuid(ctx.request().getParam("connection_id"));
    Matcher resource = RESOURCE.matcher(path);
    String resourceName = resource.find() ? Resource.fromPath(resource.group(1)).map(Resource::wireName).orElse(null) : null;
    String endUser = ctx.request().getHeader("X-End-User-Id");
    return new RequestLogEntry(OffsetDateTime.now(ZoneOffset.UTC), kind, orgId, environment, keyId,
        endUser == null || endUser.length() > 255 ? null : endUser, method.name(), routeTemplate(path), resourceName, provider,
        connection == null ? null : connection.toString(), ctx.response().getStatusCode(), failure == null ? null : failure.code(),
        latencyMs, RequestIds.of(ctx));
  }

  /**
   * The path with its variable parts named, e.g. /api/v1/:resource/:id: derived from the path
   * because a failed request ends in the root failure handler, not in the route that matched.
   */
  static String routeTemplate(String path) {
    Matcher resource = RESOURCE.matcher(path);
    if (resource.find() && Resource.fromPath(resource.group(1)).isPresent()) {
      String rest = path.substring(resource.end());
      return path.substring(0, resource.start(1)) + ":resource" + (rest.length() > 1 ? "/:id" : "");
    }
    return UUID_SEGMENT.matcher(path).replaceAll("/:id");
  }

  private static UUID parseUuid(String raw) {
    try {
      return raw == null ? null : UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
