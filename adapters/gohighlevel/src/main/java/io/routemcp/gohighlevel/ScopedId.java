package io.routemcp.gohighlevel;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.resource.Resource;

/**
 * The unified id of a record GoHighLevel only reaches through its contact (a note, a task):
 * {@code <contactId>:<recordId>}. GoHighLevel ids are alphanumeric, so the colon never clashes;
 * an id without one names no record, so it is that resource's NOT_FOUND.
 */
record ScopedId(String contactId, String recordId) {

  private static final char SEPARATOR = ':';

  static ScopedId of(String contactId, String recordId) {
    return new ScopedId(contactId, recordId);
  }

  static ScopedId parse(String id, Resource resource) {
    int colon = id == null ? -1 : id.indexOf(SEPARATOR);
    if (colon <= 0 || colon == id.length() - 1 || id.indexOf(SEPARATOR, colon + 1) >= 0) {
      throw new ApiException(ErrorCode.notFound(resource),
          resource.label() + " " + id + " not found in GoHighLevel: ids are <contactId>:<" + resource.wireName() + "Id>");
    }
    return new ScopedId(id.substring(0, colon), id.substring(colon + 1));
  }

  @Override
  public String toString() {
    return contactId + SEPARATOR + recordId;
  }
}
