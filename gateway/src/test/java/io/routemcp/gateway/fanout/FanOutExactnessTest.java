package io.routemcp.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.paging.CompositeCursor;
import io.routemcp.gateway.paging.CursorCodec;
import io.routemcp.gateway.paging.SourcePosition;
import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderClient;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Environment;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walks randomized fan-outs to the end: several sources of different sizes, each capping its
 * pages at its own size (as providers do), client page sizes from 1 to 100, and sources failing
 * at random. The union of every page must be every source's records, each exactly once. The
 * sources are synthetic providers on the event bus, so thousands of shapes run in seconds; the
 * walk goes through the real {@link FanOut} and the real signed cursor between pages.
 */
@ExtendWith(VertxExtension.class)
class FanOutExactnessTest {

  private static final int SCENARIOS = 300;

  /** A provider whose records are {@code <slug>-<n>}, paged by offset, at most {@code maxPage} a page. */
  private record Synthetic(String slug, int size, int maxPage, double failureRate) {}

  @Test
  @DisplayName("every randomized walk returns each source's records exactly once, despite failures and uneven pages")
  void randomizedWalksAreExact(Vertx vertx, VertxTestContext ctx) {
    Random random = new Random(20261124L);
    Map<String, Synthetic> sources = new HashMap<>();
    // one consumer per slug serves whatever scenario currently registered that slug
    for (int i = 0; i < 6; i++) {
      String slug = "synthetic-" + i;
      vertx.eventBus().<ProviderRequest>consumer(ProviderRequest.address(slug), message -> {
        Synthetic source = sources.get(slug);
        ProviderRequest request = message.body();
        if (random.nextDouble() < source.failureRate()) {
          message.reply(new ApiException(ErrorCode.PROVIDER_UNAVAILABLE, "flaky", slug, null, null).toReplyException());
          return;
        }
        int offset = request.params().cursor() == null ? 0 : Integer.parseInt(request.params().cursor());
        int count = Math.min(Math.min(request.params().limit(), source.maxPage()), source.size() - offset);
        JsonArray records = new JsonArray();
        for (int n = offset; n < offset + count; n++) {
          records.add(new JsonObject().put("id", slug + "-" + n).put("provider", slug).put("connection_id", "c-" + slug));
        }
        String next = offset + count < source.size() ? String.valueOf(offset + count) : null;
        message.reply(ProviderReply.page(records, next));
      });
    }
    FanOut fanOut = new FanOut(new ProviderClient(vertx, 5_000));
    CursorCodec codec = new CursorCodec(new byte[32]);

    Future<Void> chain = Future.succeededFuture();
    for (int s = 0; s < SCENARIOS; s++) {
      int scenario = s;
      chain = chain.compose(v -> {
        int sourceCount = 1 + random.nextInt(5);
        List<String> expected = new ArrayList<>();
        List<SourcePosition> start = new ArrayList<>();
        int limit = 1 + random.nextInt(random.nextBoolean() ? 10 : 100);
        for (int i = 0; i < sourceCount; i++) {
          String slug = "synthetic-" + i;
          Synthetic source = new Synthetic(slug, random.nextInt(random.nextInt(4) == 0 ? 3 : 130), 1 + random.nextInt(60),
              random.nextInt(3) == 0 ? 0.3 : 0.0);
          sources.put(slug, source);
          for (int n = 0; n < source.size(); n++) {
            expected.add(slug + "-" + n);
          }
          start.add(SourcePosition.start("c-" + slug, slug, limit));
        }
        List<String> seen = new ArrayList<>();
        return walk(fanOut, codec, start, limit, seen, 0).map(pages -> {
          ctx.verify(() -> assertThat(seen).as("scenario %d (%d sources, limit %d)", scenario, sourceCount, limit)
              .doesNotHaveDuplicates()
              .containsExactlyInAnyOrderElementsOf(expected));
          return null;
        });
      });
    }
    chain.onComplete(ctx.succeedingThenComplete());
  }

  /** Pages to the end, re-encoding the cursor between pages exactly as the API does; retries pages where every source failed. */
  private static Future<Integer> walk(FanOut fanOut, CursorCodec codec, List<SourcePosition> positions, int limit, List<String> seen, int pages) {
    if (pages > 10_000) {
      return Future.failedFuture("walk does not end");
    }
    return fanOut.page(positions, limit, position -> request(position), position -> null)
        .compose(page -> {
          page.records().forEach(r -> seen.add(((JsonObject) r).getString("id")));
          assertThat(page.records().size()).isLessThanOrEqualTo(limit);
          if (!page.hasMore()) {
            return Future.succeededFuture(pages + 1);
          }
          String cursor = codec.encode(new CompositeCursor("org", "user", "contact", "scope", page.positions()));
          return walk(fanOut, codec, codec.decode(cursor, "org", "user", "contact", "scope").sources(), limit, seen, pages + 1);
        }, failure -> walk(fanOut, codec, positions, limit, seen, pages + 1));
  }

  private static ProviderRequest request(SourcePosition position) {
    return new ProviderRequest(Operation.LIST, Resource.CONTACT, null,
        new ProviderRequest.Params(position.providerCursor(), position.fetchLimit(), null, false),
        null, position.connectionId(), "org", Environment.TEST, "user", "req", null);
  }
}
