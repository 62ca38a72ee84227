package io.routemcp.kit.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Outbound guard")
class OutboundGuardTest {

  @Test
  @DisplayName("refuses link-local and metadata destinations by address and by name, and admits loopback and public names")
  void refusesMetadataDestinations(Vertx vertx, VertxTestContext ctx) {
    OutboundGuard guard = new OutboundGuard(vertx);
    List<String> refused = List.of("http://169.254.169.254/latest/meta-data/", "http://169.254.1.2:8080", "http://[fe80::1]/",
        "http://metadata.google.internal/computeMetadata/v1/", "http://METADATA.google.internal./", "http://100.100.100.200/",
        "http://[fd00:ec2::254]/");
    List<Future<Void>> refusals = refused.stream().map(url -> guard.admit(url).transform(outcome -> outcome.succeeded()
        ? Future.<Void>failedFuture(new AssertionError("admitted " + url))
        : Future.<Void>succeededFuture())).toList();
    Future.all(refusals)
        .compose(v -> Future.all(guard.admit("http://127.0.0.1:8080/"), guard.admit("http://localhost:1/")))
        .onComplete(ctx.succeedingThenComplete());
  }
}
