package io.routemcp.gohighlevel;

import io.routemcp.kit.connect.Credentials;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.http.HttpProviderVerticle;
import io.routemcp.kit.http.ProviderCall;
import io.routemcp.kit.http.ProviderHttpRequest;
import io.routemcp.kit.mapping.MappingCatalogue;
import io.routemcp.kit.provider.ProviderDescriptor;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The GoHighLevel adapter (LeadConnector API v2). Every request carries {@code Version:
 * 2021-07-28} next to the Bearer token, and the connection's {@code locationId} (kept from the
 * token response as connection metadata) wherever the API asks for one, so two connections are
 * two locations and never see each other's records.
 *
 * <p>What each unified resource is in GoHighLevel, and how it pages:
 * <ul>
 *   <li>contact: contacts, listed with {@code POST /contacts/search}; the provider cursor is the
 *       {@code searchAfter} array of the page's last contact. lead: the contacts of type
 *       {@code lead}, created with that type ({@link Contacts}).</li>
 *   <li>deal: opportunities ({@code POST /opportunities/search}, cursor = the last record's
 *       {@code sort}); pipeline: {@code GET /opportunities/pipelines} ({@link Opportunities}).</li>
 *   <li>company: businesses, paged by {@code skip} ({@link Businesses}); owner: users
 *       ({@link Users}).</li>
 *   <li>note and task: reachable only through their contact, so their ids are
 *       {@code <contactId>:<id>} and a list walks the contacts ({@link ContactRecords}).</li>
 *   <li>appointment: calendar events, listed per calendar over a fixed time window
 *       ({@link Appointments}).</li>
 *   <li>meeting and activity: no GoHighLevel equivalent; the descriptor leaves them out, so they
 *       answer RESOURCE_NOT_SUPPORTED.</li>
 * </ul>
 * GoHighLevel has no modified-since filter outside contact search: elsewhere modified_after is
 * applied to each page, which can then come back shorter than the limit.
 */
public final class GoHighLevelVerticle extends HttpProviderVerticle {

  static final String API_VERSION = "2021-07-28";
  static final String LOCATION_ID = "locationId";

  private final MappingCatalogue mappings;
  private final Contacts contacts = new Contacts(this);
  private final Opportunities opportunities = new Opportunities(this);
  private final Businesses businesses = new Businesses(this);
  private final Users users = new Users(this);
  private final ContactRecords notes = new ContactRecords(this, ContactRecords.Kind.NOTES, contacts);
  private final ContactRecords tasks = new ContactRecords(this, ContactRecords.Kind.TASKS, contacts);
  private final Appointments appointments = new Appointments(this);

  public GoHighLevelVerticle(JsonObject config) {
    super(config);
    this.mappings = MappingCatalogue.forProvider(GoHighLevelModule.class, GhlCall.SLUG);
  }

  @Override
  protected ProviderDescriptor descriptor() {
    return GoHighLevelModule.DESCRIPTOR;
  }

  /** Bearer plus the API version every LeadConnector endpoint requires. */
  @Override
  protected void authorize(HttpRequest<Buffer> request, Credentials credentials) {
    request.bearerTokenAuthentication(credentials.accessToken());
    request.putHeader("Version", API_VERSION);
  }

  /** NestJS validation errors carry their message as a list of problems: all of them are said. */
  @Override
  protected String errorMessage(JsonObject body) {
    if (body.getValue("message") instanceof JsonArray problems && !problems.isEmpty()) {
      List<String> parts = new ArrayList<>(problems.size());
      problems.forEach(p -> parts.add(String.valueOf(p)));
      return String.join("; ", parts);
    }
    return super.errorMessage(body);
  }

  @Override
  protected Future<ProviderReply> handle(ProviderCall call) {
    String locationId = call.credentials().metadata().getString(LOCATION_ID);
    if (locationId == null || locationId.isBlank()) {
      return Future.failedFuture(new ApiException(ErrorCode.PROVIDER_AUTH_FAILED,
          "The GoHighLevel connection has no locationId; it needs to be connected again"));
    }
    Resource resource = call.request().resource();
    GhlCall ghl = new GhlCall(call, mappings.mapper(GhlCall.SLUG, resource, call.request().mappingOverrides()), locationId);
    return switch (resource) {
      case CONTACT -> contacts.handle(ghl, false);
      case LEAD -> contacts.handle(ghl, true);
      case DEAL -> opportunities.handle(ghl);
      case PIPELINE -> opportunities.pipelines(ghl);
      case COMPANY -> businesses.handle(ghl);
      case NOTE -> notes.handle(ghl);
      case TASK -> tasks.handle(ghl);
      case APPOINTMENT -> appointments.handle(ghl);
      case OWNER -> users.handle(ghl);
      default -> Future.failedFuture(new ApiException(ErrorCode.RESOURCE_NOT_SUPPORTED,
          "GoHighLevel does not support " + resource.wireName()));
    };
  }

  /** A request to GoHighLevel on behalf of one call, for this package's resource classes. */
  ProviderHttpRequest request(GhlCall call, HttpMethod method, String path) {
    return http(call.call(), method, path);
  }
}
