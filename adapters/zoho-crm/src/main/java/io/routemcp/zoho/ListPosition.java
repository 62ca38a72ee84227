package io.routemcp.zoho;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;

/**
 * Where a Zoho list continues, as the provider cursor the router keeps: a page number for the
 * first 2,000 records ({@code page:3:200}), Zoho's {@code page_token} past them
 * ({@code token:200:<page_token>}). The page size travels along, since page numbers only mean
 * something with the page size they were counted in.
 *
 * @param page the page number, or 0 when {@code pageToken} continues the list
 */
record ListPosition(int page, int perPage, String pageToken) {

  /** Zoho serves pages 1 to 10 by number; beyond, only page_token works. */
  static final int LAST_NUMBERED_PAGE = 10;

  static ListPosition first(int perPage) {
    return new ListPosition(1, perPage, null);
  }

  /**
   * The position after a page that said there are more records, or null at the end.
   *
   * @param nextPageToken Zoho's {@code info.next_page_token}
   */
  ListPosition next(boolean moreRecords, String nextPageToken) {
    if (!moreRecords) {
      return null;
    }
    if (pageToken == null && page < LAST_NUMBERED_PAGE) {
      return new ListPosition(page + 1, perPage, null);
    }
    return nextPageToken == null || nextPageToken.isBlank() ? null : new ListPosition(0, perPage, nextPageToken);
  }

  String encode() {
    return pageToken != null ? "token:" + perPage + ":" + pageToken : "page:" + page + ":" + perPage;
  }

  /** @param fallbackPerPage the page size of a first page */
  static ListPosition decode(String cursor, int fallbackPerPage) {
    if (cursor == null || cursor.isBlank()) {
      return first(fallbackPerPage);
    }
    String[] parts = cursor.split(":", 3);
    try {
      if (parts.length == 3 && parts[0].equals("page")) {
        ListPosition position = new ListPosition(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), null);
        if (position.page >= 1 && position.perPage >= 1) {
          return position;
        }
      } else if (parts.length == 3 && parts[0].equals("token") && !parts[2].isBlank()) {
        int perPage = Integer.parseInt(parts[1]);
        if (perPage >= 1) {
          return new ListPosition(0, perPage, parts[2]);
        }
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal below
    }
    throw new ApiException(ErrorCode.INVALID_CURSOR, "The Zoho CRM cursor is not one this adapter issued");
  }
}
