package io.routemcp.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.gateway.JarProcess;

import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SIGTERM to the fat jar as a process, with requests in flight. */
@DisplayName("Graceful shutdown of the fat jar")
class GracefulShutdownIT {

  private static final Path JAR = JarProcess.JAR;
  private static final String ADMIN = "shutdown-admin-token-0123456789abcdef";
  private static final int IN_FLIGHT = 10;

  private Process gateway;

  @AfterEach
  void kill() {
    if (gateway != null && gateway.isAlive()) {
      gateway.destroyForcibly();
    }
  }

  @Test
  @DisplayName("requests in flight when SIGTERM arrives all complete; new connections are refused; then the process exits")
  void inFlightRequestsFinish() throws Exception {
    assertThat(JAR).as("run mvn package first").exists();
    Path dataDir = Files.createTempDirectory("routemcp-shutdown");
    int port = JarProcess.freePort();
    gateway = launch(dataDir, port);

    // each request sends its head and half its body, so it is in flight when the signal arrives
    List<Socket> sockets = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < IN_FLIGHT; i++) {
      String body = "{\"name\":\"graceful-" + i + "-" + System.nanoTime() + "\"}";
      Socket socket = new Socket("localhost", port);
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /admin/v1/organizations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
          + body.substring(0, body.length() / 2)).getBytes(StandardCharsets.UTF_8));
      out.flush();
      sockets.add(socket);
      bodies.add(body);
    }
    TimeUnit.MILLISECONDS.sleep(500);
    gateway.destroy();
    TimeUnit.MILLISECONDS.sleep(1500);

    boolean refusedNewConnection;
    try (Socket late = new Socket("localhost", port)) {
      late.setSoTimeout(5000);
      RawHttp.Answer answer = RawHttp.read(late.getInputStream());
      refusedNewConnection = answer.closedSilently();
    } catch (ConnectException refused) {
      refusedNewConnection = true;
    }

    List<RawHttp.Answer> answers = new ArrayList<>();
    for (int i = 0; i < IN_FLIGHT; i++) {
      Socket socket = sockets.get(i);
      String body = bodies.get(i);
      socket.getOutputStream().write(body.substring(body.length() / 2).getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      answers.add(RawHttp.read(socket.getInputStream()));
      socket.close();
    }
    boolean exited = gateway.waitFor(60, TimeUnit.SECONDS);

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
      assertThat(answer.envelope().getBoolean("success")).isTrue();
    });
    assertThat(refusedNewConnection).as("a connection opened after SIGTERM is not served").isTrue();
    assertThat(exited).isTrue();
    assertThat(Files.readString(dataDir.resolve("gateway.log"))).contains("Shutting down");
  }

  private static Process launch(Path dataDir, int httpPort) throws Exception {
    return JarProcess.launch(dataDir, httpPort, ADMIN, Map.of("ROUTEMCP_SHUTDOWN_GRACE_MS", "15000"));
  }
}
