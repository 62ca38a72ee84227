package io.routemcp.gateway.requestlog;

import io.routemcp.gateway.api.Envelope;
import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * {@code GET /api/v1/requests} (the calling key's organization and environment) and
 * {@code GET /admin/v1/organizations/{id}/requests} (the operator, every environment), filtered by
 * {@code end_user_id}, {@code status} and {@code since}, paged with an opaque {@code cursor}.
 */
public final class RequestLogApi {

  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 100;

  private final RequestLogStore store;

  public RequestLogApi(Pool pool) {
    this.store = new RequestLogStore(pool);
  }

  public void mount(Router api) {
    api.get("/requests").handler(this::ownRequests);
  }

  public void mountAdmin(Router admin) {
    admin.get("/organizations/:orgId/requests").handler(this::organizationRequests);
  }

  private void ownRequests(RoutingContext ctx) {
    ApiPrincipal principal = ApiKeyAuthHandler.principal(ctx);
    answer(ctx, UUID.fromString(principal.orgId()), principal.environment().wireName());
  }

  private void organizationRequests(RoutingContext ctx) {
    UUID orgId;
    try {
      orgId = UUID.fromString(ctx.pathParam("orgId"));
    } catch (IllegalArgumentException e) {
      ctx.fail(new ApiException(ErrorCode.ORGANIZATION_NOT_FOUND, "No such organization"));
      return;
    }
    answer(ctx, orgId, null);
  }

  private void answer(RoutingContext ctx, UUID orgId, String environment) {
    RequestLogStore.Filter filter;
    try {
      filter = filter(ctx.queryParams());
    } catch (ApiException e) {
      ctx.fail(e);
      return;
    }
    store.find(orgId, environment, filter)
        .onSuccess(page -> Envelope.ok(ctx, 200, "Requests retrieved", new JsonObject()
            .put("data", page.entries())
            .put("pagination", new JsonObject()
                .put("cursor", page.nextBefore() == null ? null : encode(page.nextBefore()))
                .put("hasMore", page.nextBefore() != null)
                .put("limit", filter.limit()))))
        .onFailure(ctx::fail);
  }

  private static RequestLogStore.Filter filter(MultiMap params) {
    String endUser = blankToNull(params.get("end_user_id"));
    Integer status = null;
    String rawStatus = blankToNull(params.get("status"));
    if (rawStatus != null) {
      try {
        status = Integer.parseInt(rawStatus);
      } catch (NumberFormatException e) {
        status = -1;
      }
      if (status < 100 || status > 599) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "status must be an HTTP status code");
      }
    }
    OffsetDateTime since = null;
    String rawSince = blankToNull(params.get("since"));
    if (rawSince != null) {
      try {
        since = OffsetDateTime.parse(rawSince);
      } catch (DateTimeParseException e) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "since must be an ISO-8601 date-time with offset");
      }
    }
    int limit = DEFAULT_LIMIT;
    String rawLimit = blankToNull(params.get("limit"));
    if (rawLimit != null) {
      try {
        limit = Integer.parseInt(rawLimit);
      } catch (NumberFormatException e) {
        limit = 0;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new ApiException(ErrorCode.VALIDATION_ERROR, "limit must be between 1 and " + MAX_LIMIT);
      }
    }
    String cursor = blankToNull(params.get("cursor"));
    return new RequestLogStore.Filter(endUser, status, since, cursor == null ? null : decode(cursor), limit);
  }

  private static String encode(long before) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("rl:" + before).getBytes(StandardCharsets.UTF_8));
  }

  private static long decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (raw.startsWith("rl:")) {
        long before = Long.parseLong(raw.substring(3));
        if (before > 0 && encode(before).equals(cursor)) {
          return before;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal
    }
    throw new ApiException(ErrorCode.INVALID_CURSOR, "Invalid cursor");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
