package io.routemcp.gohighlevel;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Contacts, and leads (the contacts of type {@code lead}). Lists use {@code POST /contacts/search}
 * ordered by dateAdded (dateUpdated with modified_after, so paging follows the changes); the next
 * provider cursor is the {@code searchAfter} array of the page's last contact, and a page shorter
 * than asked for is the last. A lead id that is a customer contact is LEAD_NOT_FOUND, checked
 * before any write, so the lead API never changes a customer.
 */
final class Contacts {

  private final GoHighLevelVerticle api;

  Contacts(GoHighLevelVerticle api) {
    this.api = api;
  }

  Future<ProviderReply> handle(GhlCall call, boolean leads) {
    Resource resource = call.request().resource();
    Future<ProviderReply> reply = switch (call.request().op()) {
      case LIST -> list(call, leads);
      case GET -> fetch(call, call.id(), leads).map(contact -> ProviderReply.record(unified(call, contact)));
      case CREATE -> create(call, leads);
      case UPDATE -> update(call, leads, false);
      case REPLACE -> update(call, leads, true);
      case DELETE -> delete(call, leads);
    };
    return call.id() == null ? reply : GhlAnswers.missingContactIsNotFound(reply, resource, call.id());
  }

  private Future<ProviderReply> list(GhlCall call, boolean leads) {
    JsonArray after = ProviderCursor.array(call.cursor());
    int limit = call.limit();
    return search(call, after, limit, leads, call.modifiedAfter()).map(contacts -> {
      JsonArray records = new JsonArray(new ArrayList<>(contacts.size()));
      contacts.forEach(contact -> records.add(unified(call, contact)));
      String next = contacts.size() < limit ? null : ProviderCursor.encode(contacts.get(contacts.size() - 1).getJsonArray("searchAfter"));
      return ProviderReply.page(records, next);
    });
  }

  /**
   * One page of the location's contacts after {@code after} (null: from the start), in search
   * order, each carrying its {@code searchAfter}. Notes and tasks walk contacts with it too.
   */
  Future<List<JsonObject>> search(GhlCall call, JsonArray after, int pageLimit, boolean leads, String modifiedAfter) {
    String sortField = modifiedAfter == null ? "dateAdded" : "dateUpdated";
    JsonArray filters = new JsonArray();
    if (leads) {
      filters.add(new JsonObject().put("field", "type").put("operator", "eq").put("value", "lead"));
    }
    if (modifiedAfter != null) {
      GhlAnswers.bound(modifiedAfter);
      filters.add(new JsonObject().put("field", "dateUpdated").put("operator", "range")
          .put("value", new JsonObject().put("gte", modifiedAfter)));
    }
    JsonObject body = new JsonObject()
        .put(GoHighLevelVerticle.LOCATION_ID, call.locationId())
        .put("pageLimit", pageLimit)
        .put("sort", new JsonArray().add(new JsonObject().put("field", sortField).put("direction", "asc")))
        .put("filters", filters);
    if (after != null) {
      body.put("searchAfter", after);
    }
    return api.request(call, HttpMethod.POST, "/contacts/search").json(body).idempotent(true).send().map(answer -> {
      JsonArray found = answer.getJsonArray("contacts", new JsonArray());
      List<JsonObject> contacts = new ArrayList<>(found.size());
      for (int i = 0; i < found.size(); i++) {
        JsonObject contact = found.getJsonObject(i);
        if (!(contact.getValue("searchAfter") instanceof JsonArray)) {
          throw new ApiException(ErrorCode.PROVIDER_ERROR, "GoHighLevel answered a contact search without searchAfter");
        }
        contacts.add(contact);
      }
      return contacts;
    });
  }

  private Future<JsonObject> fetch(GhlCall call, String id, boolean leads) {
    return api.request(call, HttpMethod.GET, "/contacts/" + GhlAnswers.segment(id)).idempotent(true).send().map(answer -> {
      JsonObject contact = GhlAnswers.record(answer, "contact");
      if (leads && !"lead".equals(contact.getString("type"))) {
        throw new ApiException(ErrorCode.notFound(Resource.LEAD), "Lead " + id + " not found in GoHighLevel");
      }
      return contact;
    });
  }

  private Future<ProviderReply> create(GhlCall call, boolean leads) {
    JsonObject body = call.providerFieldsToCreate().put(GoHighLevelVerticle.LOCATION_ID, call.locationId());
    if (leads) {
      body.put("type", "lead");
    }
    return api.request(call, HttpMethod.POST, "/contacts/").json(body).send()
        .map(answer -> ProviderReply.record(unified(call, GhlAnswers.record(answer, "contact"))));
  }

  private Future<ProviderReply> update(GhlCall call, boolean leads, boolean replace) {
    String id = call.id();
    JsonObject fields = call.providerFields(replace);
    Future<?> checked = leads ? fetch(call, id, true) : Future.succeededFuture();
    return checked.compose(v -> {
      if (fields.isEmpty()) {
        return fetch(call, id, leads);
      }
      return api.request(call, HttpMethod.PUT, "/contacts/" + GhlAnswers.segment(id)).json(fields).send()
          .map(answer -> {
            GhlAnswers.requireSuccess(answer);
            return GhlAnswers.record(answer, "contact");
          });
    }).map(contact -> ProviderReply.record(unified(call, contact)));
  }

  private Future<ProviderReply> delete(GhlCall call, boolean leads) {
    String id = call.id();
    Future<?> checked = leads ? fetch(call, id, true) : Future.succeededFuture();
    return checked
        .compose(v -> api.request(call, HttpMethod.DELETE, "/contacts/" + GhlAnswers.segment(id)).send())
        .map(answer -> {
          GhlAnswers.requireSuccess(answer);
          return ProviderReply.empty();
        });
  }

  /** Search answers say {@code address} where single-contact answers say {@code address1}: map one form. */
  private static JsonObject unified(GhlCall call, JsonObject contact) {
    JsonObject prepared = contact;
    if (!contact.containsKey("address1") && contact.containsKey("address")) {
      prepared = contact.copy().put("address1", contact.getValue("address"));
    }
    return call.unified(contact, prepared, contact.getString("id"));
  }
}
