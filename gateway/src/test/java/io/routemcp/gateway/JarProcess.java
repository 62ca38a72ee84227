package io.routemcp.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The product jar as a process, for the tests that run it as a user would: on its embedded database in {@code dataDir}. */
public final class JarProcess {

  public static final Path JAR = Path.of("target", "routemcp.jar");

  private JarProcess() {}

  /**
   * Starts {@code java -jar routemcp.jar} with its log appended to {@code dataDir/gateway.log} and returns
   * once it listens; fails with the log when it exits or does not listen within 120 s.
   */
  public static Process launch(Path dataDir, int httpPort, String adminToken, Map<String, String> environment) throws Exception {
    Path log = dataDir.resolve("gateway.log");
    ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toAbsolutePath().toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = new HashMap<>(Map.of(
        "ROUTEMCP_HTTP_PORT", String.valueOf(httpPort),
        "ROUTEMCP_CONNECT_PORT", String.valueOf(freePort()),
        "ROUTEMCP_DATA_DIR", dataDir.toString(),
        "ROUTEMCP_ADMIN_TOKEN", adminToken));
    env.putAll(environment);
    builder.environment().putAll(env);
    builder.environment().remove("ROUTEMCP_DATABASE_URL");
    long earlier = Files.exists(log) ? Files.size(log) : 0;
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("gateway exited: " + Files.readString(log));
      }
      if (Files.readString(log).substring((int) earlier).contains("RouteMCP listening")) {
        return process;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new IllegalStateException("gateway did not start: " + Files.readString(log));
  }

  /** Stops the gateway as SIGTERM would and waits for it, when it is still running. */
  public static void stop(Process gateway) throws InterruptedException {
    if (gateway != null && gateway.isAlive()) {
      gateway.destroy();
      gateway.waitFor(30, TimeUnit.SECONDS);
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
