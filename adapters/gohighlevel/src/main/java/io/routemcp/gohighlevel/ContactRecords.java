package io.routemcp.gohighlevel;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Notes and tasks, which GoHighLevel keeps under their contact ({@code /contacts/{contactId}/notes}
 * and {@code /tasks}). Their unified id is {@code <contactId>:<id>} ({@link ScopedId}), so a get,
 * update or delete knows the contact.
 *
 * <p>A list walks the location's contacts in contact-search order, {@value #CONTACTS_PER_PAGE} at a
 * time, reading each one's records (in parallel, each list ordered by dateAdded then id) and
 * concatenating them. The provider cursor is {@code {"after": <searchAfter of the last contact
 * fully read, or null>, "skip": <records of the next contact already returned>}}. A page stops
 * when it holds the limit or when its contacts are exhausted, so pages can be short, even empty,
 * and still have a next cursor; the walk ends with the contacts. modified_after filters the
 * records (contacts do not change when their notes do).
 */
final class ContactRecords {

  static final int CONTACTS_PER_PAGE = 20;
  private static final String CONTACT_ID = "contactId";

  /** The two kinds of contact-scoped records. */
  enum Kind {
    NOTES(Resource.NOTE, "notes", "note", "dateAdded"),
    TASKS(Resource.TASK, "tasks", "task", "dateUpdated");

    private final Resource resource;
    private final String path;
    private final String key;
    private final String modifiedField;

    Kind(Resource resource, String path, String key, String modifiedField) {
      this.resource = resource;
      this.path = path;
      this.key = key;
      this.modifiedField = modifiedField;
    }
  }

  private final GoHighLevelVerticle api;
  private final Kind kind;
  private final Contacts contacts;

  ContactRecords(GoHighLevelVerticle api, Kind kind, Contacts contacts) {
    this.api = api;
    this.kind = kind;
    this.contacts = contacts;
  }

  Future<ProviderReply> handle(GhlCall call) {
    return switch (call.request().op()) {
      case LIST -> list(call);
      case GET -> {
        ScopedId id = ScopedId.parse(call.id(), kind.resource);
        yield GhlAnswers.missingContactIsNotFound(fetch(call, id), kind.resource, call.id())
            .map(record -> ProviderReply.record(unified(call, record, id.contactId())));
      }
      case CREATE -> create(call);
      case UPDATE -> update(call, false);
      case REPLACE -> update(call, true);
      case DELETE -> {
        ScopedId id = ScopedId.parse(call.id(), kind.resource);
        yield GhlAnswers.missingContactIsNotFound(api.request(call, HttpMethod.DELETE, path(id)).send(), kind.resource, call.id())
            .map(answer -> {
              GhlAnswers.requireSuccess(answer);
              return ProviderReply.empty();
            });
      }
    };
  }

  // ---- list ----

  private Future<ProviderReply> list(GhlCall call) {
    JsonObject position = ProviderCursor.object(call.cursor());
    JsonArray after = position == null ? null : after(position);
    int skip = position == null ? 0 : skip(position);
    Instant since = GhlAnswers.bound(call.modifiedAfter());
    return contacts.search(call, after, CONTACTS_PER_PAGE, false, null).compose(batch -> {
      List<Future<List<JsonObject>>> reads = new ArrayList<>(batch.size());
      for (JsonObject contact : batch) {
        reads.add(recordsOf(call, contact.getString("id"), since));
      }
      return Future.all(reads).map(all -> page(call, batch, reads, after, skip));
    });
  }

  private ProviderReply page(GhlCall call, List<JsonObject> batch, List<Future<List<JsonObject>>> reads, JsonArray after, int skip) {
    int limit = call.limit();
    JsonArray records = new JsonArray(new ArrayList<>(limit));
    JsonArray lastRead = after;
    for (int i = 0; i < batch.size(); i++) {
      String contactId = batch.get(i).getString("id");
      List<JsonObject> items = reads.get(i).result();
      int start = i == 0 ? Math.min(skip, items.size()) : 0;
      int take = Math.min(limit - records.size(), items.size() - start);
      for (int k = start; k < start + take; k++) {
        records.add(unified(call, items.get(k), contactId));
      }
      if (start + take < items.size()) {
        return ProviderReply.page(records, position(lastRead, start + take));
      }
      lastRead = batch.get(i).getJsonArray("searchAfter");
      if (records.size() == limit) {
        boolean more = i < batch.size() - 1 || batch.size() == CONTACTS_PER_PAGE;
        return ProviderReply.page(records, more ? position(lastRead, 0) : null);
      }
    }
    return ProviderReply.page(records, batch.size() == CONTACTS_PER_PAGE ? position(lastRead, 0) : null);
  }

  /** One contact's records, oldest first, those changed since the bound. */
  private Future<List<JsonObject>> recordsOf(GhlCall call, String contactId, Instant since) {
    return api.request(call, HttpMethod.GET, "/contacts/" + GhlAnswers.segment(contactId) + "/" + kind.path).send()
        .map(answer -> {
          JsonArray found = answer.getJsonArray(kind.path, new JsonArray());
          List<JsonObject> items = new ArrayList<>(found.size());
          for (int i = 0; i < found.size(); i++) {
            JsonObject item = found.getJsonObject(i);
            if (GhlAnswers.modifiedSince(item, kind.modifiedField, since)) {
              items.add(item);
            }
          }
          items.sort(Comparator.comparingLong(ContactRecords::addedAt).thenComparing(r -> String.valueOf(r.getValue("id"))));
          return items;
        });
  }

  private static long addedAt(JsonObject record) {
    Instant added = GhlAnswers.instant(record.getValue("dateAdded"));
    return added == null ? 0L : added.toEpochMilli();
  }

  private static String position(JsonArray after, int skip) {
    return ProviderCursor.encode(new JsonObject().put("after", after).put("skip", skip));
  }

  private static JsonArray after(JsonObject position) {
    Object after = position.getValue("after");
    if (after == null || after instanceof JsonArray) {
      return (JsonArray) after;
    }
    throw ProviderCursor.invalid();
  }

  private static int skip(JsonObject position) {
    if (position.getValue("skip") instanceof Number n && n.intValue() >= 0) {
      return n.intValue();
    }
    throw ProviderCursor.invalid();
  }

  // ---- single records ----

  private Future<JsonObject> fetch(GhlCall call, ScopedId id) {
    return api.request(call, HttpMethod.GET, path(id)).idempotent(true).send()
        .map(answer -> GhlAnswers.record(answer, kind.key));
  }

  private Future<ProviderReply> create(GhlCall call) {
    JsonObject fields = call.providerFieldsToCreate();
    Object contactId = fields.remove(CONTACT_ID);
    if (!(contactId instanceof String contact) || contact.isBlank()) {
      return Future.failedFuture(new ApiException(ErrorCode.VALIDATION_ERROR,
          "A GoHighLevel " + kind.key + " belongs to a contact: set contact"));
    }
    if (kind == Kind.TASKS && !fields.containsKey("completed")) {
      fields.put("completed", false);
    }
    Future<JsonObject> created = api.request(call, HttpMethod.POST, "/contacts/" + GhlAnswers.segment(contact) + "/" + kind.path)
        .json(fields).send();
    return created
        .recover(failure -> Future.failedFuture(failure instanceof ApiException api && api.status() == 404
            ? new ApiException(ErrorCode.VALIDATION_ERROR, "Contact " + contact + " not found in GoHighLevel")
            : failure))
        .map(answer -> ProviderReply.record(unified(call, GhlAnswers.record(answer, kind.key), contact)));
  }

  private Future<ProviderReply> update(GhlCall call, boolean replace) {
    ScopedId id = ScopedId.parse(call.id(), kind.resource);
    JsonObject fields = call.providerFields(replace);
    Object contactId = fields.remove(CONTACT_ID);
    if (contactId != null && !contactId.equals(id.contactId())) {
      return Future.failedFuture(new ApiException(ErrorCode.VALIDATION_ERROR,
          "GoHighLevel cannot move a " + kind.key + " to another contact"));
    }
    Future<JsonObject> written;
    if (fields.isEmpty()) {
      written = fetch(call, id);
    } else if (kind == Kind.NOTES && !fields.containsKey("body")) {
      // GoHighLevel's note update requires the body: keep the current one
      written = fetch(call, id).compose(current -> put(call, id, fields.put("body", current.getValue("body"))));
    } else {
      written = put(call, id, fields);
    }
    return GhlAnswers.missingContactIsNotFound(written, kind.resource, call.id())
        .map(record -> ProviderReply.record(unified(call, record, id.contactId())));
  }

  private Future<JsonObject> put(GhlCall call, ScopedId id, JsonObject fields) {
    return api.request(call, HttpMethod.PUT, path(id)).json(fields).send().map(answer -> GhlAnswers.record(answer, kind.key));
  }

  private JsonObject unified(GhlCall call, JsonObject record, String contactId) {
    String owner = record.getString(CONTACT_ID, contactId);
    JsonObject prepared = record.containsKey(CONTACT_ID) ? record : record.copy().put(CONTACT_ID, owner);
    return call.unified(record, prepared, ScopedId.of(owner, String.valueOf(record.getValue("id"))).toString());
  }

  private String path(ScopedId id) {
    return "/contacts/" + GhlAnswers.segment(id.contactId()) + "/" + kind.path + "/" + GhlAnswers.segment(id.recordId());
  }
}
