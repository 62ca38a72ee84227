package io.routemcp.gateway.fanout;

import io.routemcp.gateway.paging.SourcePosition;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderClient;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list over several sources: every source that is not done is asked in parallel
 * for the page it stands on, the records not yet returned are interleaved round-robin up to the
 * limit, and each source's new position is how far into its page the client has now seen. A
 * source that fails keeps its position (the next page asks it again) and is reported; the page
 * fails only when every source asked failed.
 */
public final class FanOut {

  // the order in which a failure explains "nothing worked" best to a client
  private static final List<String> MOST_TELLING = List.of(
      ErrorCode.PROVIDER_AUTH_FAILED.code(), ErrorCode.PROVIDER_RATE_LIMITED.code(),
      ErrorCode.PROVIDER_UNAVAILABLE.code(), ErrorCode.PROVIDER_ERROR.code());

  private final ProviderClient client;

  public FanOut(ProviderClient client) {
    this.client = client;
  }

  /**
   * @param requestFor builds the provider request for a source's position
   * @param failedUpfront sources already known to fail (e.g. needing re-authorization), reported as such
   */
  public Future<Page> page(List<SourcePosition> positions, int limit, Function<SourcePosition, ProviderRequest> requestFor,
      Function<SourcePosition, ApiException> failedUpfront) {
    List<SourcePosition> active = positions.stream().filter(p -> !p.done()).toList();
    List<Future<ProviderReply>> calls = new ArrayList<>(active.size());
    for (SourcePosition position : active) {
      ApiException known = failedUpfront.apply(position);
      calls.add(known != null ? Future.failedFuture(known) : client.send(position.provider(), requestFor.apply(position)));
    }
    return Future.join(calls).transform(settled -> Future.succeededFuture(assemble(positions, active, calls, limit)))
        .compose(page -> page.failure() != null ? Future.failedFuture(page.failure()) : Future.succeededFuture(page));
  }

  private static Page assemble(List<SourcePosition> positions, List<SourcePosition> active, List<Future<ProviderReply>> calls, int limit) {
    int n = active.size();
    JsonArray[] pages = new JsonArray[n];
    int[] taken = new int[n];
    JsonArray errors = new JsonArray();
    List<ApiException> failures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Future<ProviderReply> call = calls.get(i);
      if (call.succeeded()) {
        JsonArray records = call.result().records();
        pages[i] = records == null ? new JsonArray() : records;
      } else {
        ApiException error = ApiException.from(call.cause(), active.get(i).provider());
        failures.add(error);
        errors.add(new JsonObject()
            .put("provider", active.get(i).provider())
            .put("connectionId", active.get(i).connectionId())
            .put("code", error.code())
            .put("message", error.getMessage()));
      }
    }
    if (n > 0 && failures.size() == n) {
      return new Page(new JsonArray(), positions, errors, mostTelling(failures));
    }

    JsonArray records = new JsonArray();
    boolean progress = true;
    while (records.size() < limit && progress) {
      progress = false;
      for (int i = 0; i < n && records.size() < limit; i++) {
        if (pages[i] == null) {
          continue;
        }
        int index = active.get(i).skip() + taken[i];
        if (index < pages[i].size()) {
          records.add(pages[i].getValue(index));
          taken[i]++;
          progress = true;
        }
      }
    }

    List<SourcePosition> next = new ArrayList<>(positions.size());
    for (SourcePosition position : positions) {
      int i = active.indexOf(position);
      if (i < 0 || pages[i] == null) {
        next.add(position);
      } else if (position.skip() + taken[i] >= pages[i].size()) {
        next.add(position.nextPage(calls.get(i).result().nextCursor(), limit));
      } else {
        next.add(position.skipped(taken[i]));
      }
    }
    return new Page(records, next, errors, null);
  }

  /** Of several failures, the one that best explains to a client why nothing worked. */
  public static ApiException mostTelling(List<ApiException> failures) {
    for (String code : MOST_TELLING) {
      for (ApiException failure : failures) {
        if (failure.code().equals(code)) {
          return failure;
        }
      }
    }
    return failures.get(0);
  }

  /**
   * @param positions every source's position after this page (unchanged for failed sources)
   * @param errors one entry per failed source, empty when all answered
   * @param failure set when every source asked failed
   */
  public record Page(JsonArray records, List<SourcePosition> positions, JsonArray errors, ApiException failure) {

    public boolean hasMore() {
      return positions.stream().anyMatch(p -> !p.done());
    }
  }
}
