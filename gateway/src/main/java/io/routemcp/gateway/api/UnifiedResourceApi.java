package io.routemcp.gateway.api;

import io.routemcp.gateway.auth.ApiKeyAuthHandler;
import io.routemcp.gateway.auth.ApiPrincipal;
import io.routemcp.gateway.enduser.Connection;
import io.routemcp.gateway.enduser.ConnectionDirectory;
import io.routemcp.gateway.enduser.EndUserConnections;
import io.routemcp.gateway.fanout.FanOut;
import io.routemcp.gateway.mapping.FieldMappingOverrides;
import io.routemcp.gateway.mapping.OrgMappings;
import io.routemcp.gateway.paging.CompositeCursor;
import io.routemcp.gateway.paging.CursorCodec;
import io.routemcp.gateway.paging.SourcePosition;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.provider.ProviderClient;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.FieldProblem;
import io.routemcp.kit.schema.UnifiedSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The unified resources: {@code GET/POST /{resource}} and {@code GET/PUT/PATCH/DELETE
 * /{resource}/{id}}, singular or plural, routed to the end user's connections.
 */
public final class UnifiedResourceApi {

  public static final String END_USER_HEADER = "X-End-User-Id";
  private static final int MAX_END_USER_ID_LENGTH = 255;

  private final ProviderCatalogue catalogue;
  private final ConnectionDirectory directory;
  private final ProviderClient providers;
  private final FanOut fanOut;
  private final CursorCodec cursors;
  private final FieldMappingOverrides overrides;

  public UnifiedResourceApi(ProviderCatalogue catalogue, ConnectionDirectory directory, ProviderClient providers,
      CursorCodec cursors, FieldMappingOverrides overrides) {
    this.catalogue = catalogue;
    this.directory = directory;
    this.providers = providers;
    this.fanOut = new FanOut(providers);
    this.cursors = cursors;
    this.overrides = overrides;
  }

  public void mount(Router router) {
    router.get("/:resource").handler(this::list);
    router.post("/:resource").handler(ctx -> write(ctx, Operation.CREATE));
    router.get("/:resource/:id").handler(this::get);
    router.put("/:resource/:id").handler(ctx -> write(ctx, Operation.REPLACE));
    router.patch("/:resource/:id").handler(ctx -> write(ctx, Operation.UPDATE));
    router.delete("/:resource/:id").handler(ctx -> write(ctx, Operation.DELETE));
    router.route("/:resource").handler(ctx -> notAllowed(ctx, "GET, POST"));
    router.route("/:resource/:id").handler(ctx -> notAllowed(ctx, "GET, PUT, PATCH, DELETE"));
  }

  private record Call(ApiPrincipal principal, Resource resource, String endUser, ListQuery query, String requestId) {}

  /** What a call needs from caches: the end user's connections and the organization's mapping overrides. */
  private record Resolved(EndUserConnections endUser, OrgMappings mappings) {}

  private Future<Resolved> resolve(Call call) {
    Future<EndUserConnections> endUser = directory.resolve(call.principal(), call.endUser());
    Future<OrgMappings> mappings = overrides.forOrganization(call.principal().orgId(), call.principal().environment());
    return Future.all(endUser, mappings).map(all -> new Resolved(endUser.result(), mappings.result()));
  }

  private Call call(RoutingContext ctx, Operation op) {
    Resource resource = Resource.fromPath(ctx.pathParam("resource"))
        .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_RESOURCE, "Unknown resource '" + ctx.pathParam("resource") + "'"));
    if (op.isWrite() && !resource.writable()) {
      ctx.response().putHeader("Allow", "GET");
      throw new ApiException(ErrorCode.METHOD_NOT_ALLOWED, resource.label() + "s are read-only: list and get only");
    }
    return new Call(ApiKeyAuthHandler.principal(ctx), resource, endUser(ctx), ListQuery.parse(ctx.queryParams()), RequestIds.of(ctx));
  }

  /** The caller's {@code X-End-User-Id}, required on every call that touches an end user's connections. */
  static String endUser(RoutingContext ctx) {
    String endUser = ctx.request().getHeader(END_USER_HEADER);
    if (endUser == null || endUser.isBlank()) {
      throw new ApiException(ErrorCode.MISSING_END_USER_ID, "The " + END_USER_HEADER + " header is required");
    }
    if (endUser.length() > MAX_END_USER_ID_LENGTH) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, END_USER_HEADER + " must be at most " + MAX_END_USER_ID_LENGTH + " characters");
    }
    return endUser.trim();
  }

  private void list(RoutingContext ctx) {
    Call call = call(ctx, Operation.LIST);
    resolve(call)
        .compose(resolved -> {
          EndUserConnections endUser = resolved.endUser();
          List<Connection> sources = select(endUser, call, Operation.LIST);
          List<SourcePosition> positions = positions(call, endUser, sources);
          return fanOut.page(positions, call.query().limit(),
                  position -> request(call, resolved.mappings(), Operation.LIST, null, null, position),
                  position -> reauthFailure(endUser, position.connectionId(), position.provider()))
              .map(page -> listBody(call, endUser, page, positions.size()));
        })
        .onSuccess(body -> Envelope.ok(ctx, 200, body.getJsonArray("errors") == null
            ? plural(call.resource()) + " retrieved"
            : "Partial results: " + body.getJsonArray("errors").size() + " of " + body.getInteger("sources") + " sources failed",
            withoutSourceCount(body)))
        .onFailure(ctx::fail);
  }

  private List<SourcePosition> positions(Call call, EndUserConnections endUser, List<Connection> sources) {
    if (call.query().cursor() == null) {
      return sources.stream().map(c -> SourcePosition.start(c.id(), c.provider(), call.query().limit())).toList();
    }
    CompositeCursor cursor = cursors.decode(call.query().cursor(), call.principal().orgId(), endUser.endUserId(),
        call.resource().wireName(), call.query().scope());
    Set<String> current = sources.stream().map(Connection::id).collect(Collectors.toSet());
    // a connection removed since the first page simply has nothing more to give
    return cursor.sources().stream().filter(p -> current.contains(p.connectionId())).toList();
  }

  private JsonObject listBody(Call call, EndUserConnections endUser, FanOut.Page page, int sourceCount) {
    String next = page.hasMore()
        ? cursors.encode(new CompositeCursor(call.principal().orgId(), endUser.endUserId(), call.resource().wireName(),
            call.query().scope(), page.positions()))
        : null;
    JsonObject body = new JsonObject()
        .put("data", page.records())
        .put("pagination", new JsonObject().put("cursor", next).put("hasMore", page.hasMore()).put("limit", call.query().limit()));
    if (!page.errors().isEmpty()) {
      body.put("errors", page.errors()).put("sources", sourceCount);
    }
    return body;
  }

  private static JsonObject withoutSourceCount(JsonObject body) {
    body.remove("sources");
    return body;
  }

  private void get(RoutingContext ctx) {
    Call call = call(ctx, Operation.GET);
    String id = ctx.pathParam("id");
    resolve(call)
        .compose(resolved -> {
          List<Connection> sources = select(resolved.endUser(), call, Operation.GET);
          if (sources.size() == 1) {
            return send(call, resolved, sources.get(0), Operation.GET, id, null);
          }
          return findAcross(call, resolved, sources, id);
        })
        .onSuccess(reply -> Envelope.ok(ctx, 200, call.resource().label() + " retrieved", reply.record()))
        .onFailure(ctx::fail);
  }

  /** A get without a provider: ids are the providers' own, so ask every source and expect one hit. */
  private Future<ProviderReply> findAcross(Call call, Resolved resolved, List<Connection> sources, String id) {
    List<Future<ProviderReply>> asks = sources.stream().map(c -> send(call, resolved, c, Operation.GET, id, null)).toList();
    return Future.join(asks).transform(settled -> {
      List<ProviderReply> hits = asks.stream().filter(Future::succeeded).map(Future::result).toList();
      if (hits.size() == 1) {
        return Future.succeededFuture(hits.get(0));
      }
      if (hits.size() > 1) {
        return Future.failedFuture(new ApiException(ErrorCode.VALIDATION_ERROR,
            call.resource().label() + " '" + id + "' exists in several connections; pass provider or connection_id"));
      }
      String notFound = call.resource().notFoundCode();
      List<ApiException> failures = asks.stream().map(f -> ApiException.from(f.cause(), null))
          .filter(e -> !e.code().equals(notFound)).toList();
      return Future.failedFuture(failures.isEmpty() ? notFound(call.resource()) : FanOut.mostTelling(failures));
    });
  }

  private void write(RoutingContext ctx, Operation op) {
    Call call = call(ctx, op);
    String id = op == Operation.CREATE ? null : ctx.pathParam("id");
    JsonObject body = op == Operation.DELETE ? null : validBody(ctx, call.resource(), op);
    if (call.query().provider() == null && call.query().connectionId() == null) {
      throw new ApiException(ErrorCode.PROVIDER_REQUIRED, "Writes need ?provider= (or ?connection_id=) to say which connection to write to");
    }
    resolve(call)
        .compose(resolved -> {
          List<Connection> targets = select(resolved.endUser(), call, op);
          if (targets.size() > 1) {
            return Future.failedFuture(new ApiException(ErrorCode.VALIDATION_ERROR, "The end user has " + targets.size() + " "
                + call.query().provider() + " connections; pass connection_id to choose one"));
          }
          return send(call, resolved, targets.get(0), op, id, body);
        })
        .onSuccess(reply -> {
          String label = call.resource().label();
          switch (op) {
            case CREATE -> Envelope.ok(ctx, 201, label + " created", reply.record());
            case UPDATE -> Envelope.ok(ctx, 200, label + " updated", reply.record());
            case REPLACE -> Envelope.ok(ctx, 200, label + " replaced", reply.record());
            default -> Envelope.ok(ctx, 200, label + " deleted", new JsonObject().put("id", id).put("deleted", true));
          }
        })
        .onFailure(ctx::fail);
  }

  private static JsonObject validBody(RoutingContext ctx, Resource resource, Operation op) {
    JsonObject body = JsonBody.object(ctx);
    List<FieldProblem> problems = UnifiedSchema.validate(resource, body);
    if (!problems.isEmpty()) {
      JsonArray details = new JsonArray();
      problems.forEach(p -> details.add(p.toJson()));
      throw new ApiException(ErrorCode.VALIDATION_ERROR,
          "Invalid fields: " + problems.stream().map(FieldProblem::toString).collect(Collectors.joining(", ")), null, null, details);
    }
    JsonObject writable = body.copy();
    UnifiedSchema.READ_ONLY.forEach(writable::remove);
    if (writable.isEmpty() && op != Operation.REPLACE) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "Request body must contain at least one " + resource.wireName() + " field");
    }
    return writable;
  }

  /** The connections a request goes to, after every check that can refuse it. */
  private List<Connection> select(EndUserConnections endUser, Call call, Operation op) {
    ListQuery query = call.query();
    if (query.provider() != null && catalogue.descriptor(query.provider()).isEmpty()) {
      throw new ApiException(ErrorCode.VALIDATION_ERROR, "Unknown provider '" + query.provider() + "'");
    }
    List<Connection> candidates = new ArrayList<>(endUser.connections());
    if (query.connectionId() != null) {
      candidates.removeIf(c -> !c.id().equals(query.connectionId()));
      if (candidates.isEmpty()) {
        throw new ApiException(ErrorCode.CONNECTION_NOT_FOUND, "The end user has no connection " + query.connectionId());
      }
    }
    if (query.provider() != null) {
      candidates.removeIf(c -> !c.provider().equals(query.provider()));
      if (candidates.isEmpty()) {
        throw new ApiException(ErrorCode.PROVIDER_NOT_CONNECTED,
            "End user '" + call.endUser() + "' has no " + query.provider() + " connection", query.provider(), null, null);
      }
    }
    if (candidates.isEmpty()) {
      throw new ApiException(ErrorCode.PROVIDER_NOT_CONNECTED, "End user '" + call.endUser() + "' has no connected providers");
    }
    List<Connection> supporting = candidates.stream().filter(c -> supports(c.provider(), call.resource(), op)).toList();
    if (supporting.isEmpty()) {
      String which = query.provider() != null || query.connectionId() != null
          ? descriptorName(candidates.get(0).provider()) + " does not support "
          : "None of the end user's connected providers supports ";
      throw new ApiException(ErrorCode.RESOURCE_NOT_SUPPORTED, which + op.wireName() + " on " + call.resource().wireName(),
          query.provider(), null, null);
    }
    return supporting;
  }

  private boolean supports(String provider, Resource resource, Operation op) {
    return catalogue.descriptor(provider).map(d -> d.supports(resource, op)).orElse(false);
  }

  private String descriptorName(String provider) {
    return catalogue.descriptor(provider).map(ProviderDescriptor::name).orElse(provider);
  }

  private Future<ProviderReply> send(Call call, Resolved resolved, Connection connection, Operation op, String id, JsonObject body) {
    ApiException reauth = reauthFailure(resolved.endUser(), connection.id(), connection.provider());
    if (reauth != null) {
      return Future.failedFuture(reauth);
    }
    SourcePosition single = SourcePosition.start(connection.id(), connection.provider(), call.query().limit());
    return providers.send(connection.provider(), request(call, resolved.mappings(), op, id, body, single));
  }

  private ProviderRequest request(Call call, OrgMappings mappings, Operation op, String id, JsonObject body, SourcePosition position) {
    ListQuery q = call.query();
    return new ProviderRequest(op, call.resource(), id,
        new ProviderRequest.Params(position.providerCursor(), position.fetchLimit(), q.modifiedAfter(), q.includeRemoteData()),
        body, position.connectionId(), call.principal().orgId(), call.principal().environment(), call.endUser(), call.requestId(),
        mappings.items(position.provider(), call.resource()));
  }

  private static ApiException reauthFailure(EndUserConnections endUser, String connectionId, String provider) {
    for (Connection connection : endUser.connections()) {
      if (connection.id().equals(connectionId) && connection.needsReauth()) {
        return new ApiException(ErrorCode.PROVIDER_AUTH_FAILED, "The " + provider + " connection needs re-authorization", provider, null, null);
      }
    }
    return null;
  }

  private static ApiException notFound(Resource resource) {
    return new ApiException(ErrorCode.notFound(resource), resource.label() + " does not exist");
  }

  private static String plural(Resource resource) {
    return Character.toUpperCase(resource.plural().charAt(0)) + resource.plural().substring(1);
  }

  private static void notAllowed(RoutingContext ctx, String allow) {
    if (Resource.fromPath(ctx.pathParam("resource")).isEmpty()) {
      ctx.fail(new ApiException(ErrorCode.UNKNOWN_RESOURCE, "Unknown resource '" + ctx.pathParam("resource") + "'"));
      return;
    }
    ctx.response().putHeader("Allow", allow);
    ctx.fail(new ApiException(ErrorCode.METHOD_NOT_ALLOWED, ctx.request().method() + " is not allowed here"));
  }
}
