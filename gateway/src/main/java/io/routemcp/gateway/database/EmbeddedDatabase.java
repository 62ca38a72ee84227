package io.routemcp.gateway.database;

import io.routemcp.gateway.config.ConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server used when {@code ROUTEMCP_DATABASE_URL} is unset, with its cluster in
 * {@code <dataDir>/postgres}. It runs durable (fsync, synchronous commit, full page writes),
 * listens on 127.0.0.1 only and takes password (scram) logins only; the gateway logs in as the
 * non-superuser {@value #ROLE}, which owns the schema. A daemon thread restarts the server
 * when it dies; {@link #health()} says whether it is up. A server left running by a killed
 * RouteMCP process is stopped before ours starts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "postgres";
  public static final String ROLE = "routemcp";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String SUPERUSER = "postgres";
  private static final long START_TIMEOUT_MS = 60_000;
  private static final long STOP_TIMEOUT_MS = 30_000;
  private static final long MAX_RESTART_BACKOFF_MS = 5_000;

  private final PostgresBinaries binaries;
  private final Path dataDir;
  private final Path pgData;
  private final int port;
  private final String password;
  private final FileLock ownership;
  private final DatabaseHealth health = new DatabaseHealth();
  private final Object lifecycle = new Object();
  private volatile Process server;
  private volatile boolean closing;
  private Thread supervisor;

  private EmbeddedDatabase(PostgresBinaries binaries, Path dataDir, int port, String password, FileLock ownership) {
    this.binaries = binaries;
    this.dataDir = dataDir;
    this.pgData = pgData(dataDir);
    this.port = port;
    this.password = password;
    this.ownership = ownership;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    Path dir = dataDir.toAbsolutePath();
    Path pgData = pgData(dir);
    FileLock ownership = own(dir);
    try {
      stopStaleServer(pgData);
      PostgresBinaries binaries = PostgresBinaries.unpack();
      String password = prepareCluster(binaries, dir, pgData);
      writeAccessRules(pgData);
      EmbeddedDatabase database = new EmbeddedDatabase(binaries, dir, freePort(), password, ownership);
      database.launchWithRetries();
      database.supervise();
      return database;
    } catch (RuntimeException e) {
      release(ownership);
      throw e instanceof ConfigException ? e : new ConfigException("cannot start the embedded PostgreSQL in " + pgData + ": " + rootMessage(e));
    }
  }

  /**
   * The port of an embedded server already running on this data directory (another RouteMCP
   * process), read from its {@code postmaster.pid}, if it answers.
   */
  public static Optional<Integer> runningPort(Path dataDir) {
    return PostmasterPid.read(pgData(dataDir.toAbsolutePath())).map(PostmasterPid::port).filter(port -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return true;
      } catch (IOException e) {
        return false;
      }
    });
  }

  /** The gateway's login on the server listening on {@code port}, with the password kept in {@code dataDir}. */
  public static DatabaseUrl urlOf(Path dataDir, int port) {
    return DatabaseUrl.local(port, DATABASE, ROLE, DatabasePassword.read(dataDir.toAbsolutePath()));
  }

  public DatabaseUrl url() {
    return DatabaseUrl.local(port, DATABASE, ROLE, password);
  }

  public DatabaseHealth health() {
    return health;
  }

  /** The server's pid right now (it changes when the server is restarted). */
  public long pid() {
    return server.pid();
  }

  @Override
  public void close() {
    closing = true;
    if (supervisor != null) {
      supervisor.interrupt();
    }
    synchronized (lifecycle) {
      if (server != null) {
        stop(server.toHandle());
      }
    }
    health.down("the embedded PostgreSQL was stopped");
    release(ownership);
  }

  private static Path pgData(Path dataDir) {
    return dataDir.resolve("postgres");
  }

  /** One RouteMCP process per data directory; the OS releases the lock when a process dies, even by kill -9. */
  private static FileLock own(Path dataDir) {
    Path lockFile = dataDir.resolve("postgres.lock");
    try {
      Files.createDirectories(dataDir);
      FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new ConfigException("the embedded PostgreSQL in " + pgData(dataDir) + " is in use by another RouteMCP process");
      }
      return lock;
    } catch (IOException e) {
      throw new ConfigException("cannot lock " + lockFile + ": " + e.getMessage());
    }
  }

  private static void release(FileLock lock) {
    try {
      lock.channel().close();
    } catch (IOException e) {
      LOG.debug("Closing the data directory lock failed: {}", e.getMessage());
    }
  }

  /** We hold the data directory, so a live server on it was orphaned by a killed RouteMCP process. */
  private static void stopStaleServer(Path pgData) {
    PostmasterPid.read(pgData).flatMap(pid -> pid.liveServerOf(pgData)).ifPresent(stale -> {
      LOG.warn("Stopping the PostgreSQL (pid {}) left running on {} by a previous RouteMCP process", stale.pid(), pgData);
      stop(stale);
    });
  }

  /** Fast shutdown (SIGINT): rolls back open transactions, keeps every committed one. */
  private static void stop(ProcessHandle process) {
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
      process.onExit().get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (Exception e) {
      LOG.warn("PostgreSQL (pid {}) did not stop within {} ms: killing it", process.pid(), STOP_TIMEOUT_MS);
      process.destroyForcibly();
    }
  }

  /**
   * Creates the cluster on first use and, once per data directory, sets the passwords and the
   * gateway's role (also for clusters made by earlier versions, whose logins were trusted).
   */
  private static String prepareCluster(PostgresBinaries binaries, Path dataDir, Path pgData) {
    if (DatabasePassword.exists(dataDir)) {
      return DatabasePassword.read(dataDir);
    }
    String password = DatabasePassword.generate(dataDir);
    if (!Files.exists(pgData.resolve("PG_VERSION"))) {
      run(binaries, "initdb", List.of("-D", pgData.toString(), "-U", SUPERUSER, "-E", "UTF-8", "--no-locale",
          "--auth=scram-sha-256", "--pwfile=" + DatabasePassword.pending(dataDir)), null, dataDir);
    }
    run(binaries, "postgres", List.of("--single", "-j", "-D", pgData.toString(), "-c", "log_min_error_statement=panic", DATABASE),
        bootstrapSql(password), dataDir);
    DatabasePassword.commit(dataDir);
    return password;
  }

  /** Statements for single-user mode ({@code -j}: each ends with a semicolon and a blank line). */
  private static String bootstrapSql(String password) {
    return String.join("\n\n", List.of(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "') THEN CREATE ROLE " + ROLE + "; END IF; END $$;",
        "ALTER ROLE " + ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '" + ScramVerifier.of(password) + "';",
        "ALTER ROLE " + SUPERUSER + " WITH PASSWORD '" + ScramVerifier.of(password) + "';",
        "ALTER DATABASE " + DATABASE + " OWNER TO " + ROLE + ";",
        "ALTER SCHEMA public OWNER TO " + ROLE + ";",
        // tables of clusters made before the role existed; owned sequences follow their table
        "DO $$ DECLARE r record; BEGIN FOR r IN SELECT c.oid::regclass AS name FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')"
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))"
            + " LOOP EXECUTE format('ALTER TABLE %s OWNER TO " + ROLE + "', r.name); END LOOP; END $$;")) + "\n\n";
  }

  /** Ours, rewritten on every start: password logins over the loopback, nothing else. */
  private static void writeAccessRules(Path pgData) {
    try {
      Files.writeString(pgData.resolve("pg_hba.conf"), """
          # Written by RouteMCP on every start: scram password logins over 127.0.0.1 only.
          host all all 127.0.0.1/32 scram-sha-256
          """, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot write " + pgData.resolve("pg_hba.conf") + ": " + e.getMessage());
    }
  }

  private static void run(PostgresBinaries binaries, String program, List<String> args, String stdin, Path dataDir) {
    try {
      Process process = new ProcessBuilder(binaries.command(program, args)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log(dataDir).toFile())).start();
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ConfigException(program + " did not finish within 120 s");
      }
      if (process.exitValue() != 0) {
        throw new ConfigException(program + " failed with exit code " + process.exitValue() + " (see " + log(dataDir) + ")");
      }
    } catch (IOException e) {
      throw new ConfigException("cannot run " + program + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted while running " + program);
    }
  }

  private static Path log(Path dataDir) {
    return dataDir.resolve("postgres.log");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new ConfigException("no free port for the embedded PostgreSQL: " + e.getMessage());
    }
  }

  /** A killed server's backends may hold its shared memory for a moment: try again until the deadline. */
  private void launchWithRetries() {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    long backoff = 100;
    while (true) {
      try {
        launch(deadline);
        return;
      } catch (ConfigException e) {
        if (closing || System.currentTimeMillis() + backoff >= deadline) {
          throw e;
        }
        LOG.debug("Embedded PostgreSQL did not start, retrying: {}", e.getMessage());
        sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_RESTART_BACKOFF_MS);
      }
    }
  }

  private void launch(long deadline) {
    synchronized (lifecycle) {
      if (closing) {
        throw new ConfigException("the embedded PostgreSQL is closing");
      }
      List<String> args = new ArrayList<>(List.of("-D", pgData.toString(), "-p", Integer.toString(port)));
      for (String setting : List.of("listen_addresses=127.0.0.1", "unix_socket_directories=", "fsync=on", "synchronous_commit=on",
          "full_page_writes=on", "password_encryption=scram-sha-256", "timezone=UTC", "max_connections=300")) {
        args.addAll(List.of("-c", setting));
      }
      Process process;
      try {
        process = new ProcessBuilder(binaries.command("postgres", args)).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log(dataDir).toFile())).start();
      } catch (IOException e) {
        throw new ConfigException("cannot run postgres: " + e.getMessage());
      }
      server = process;
      while (true) {
        if (!process.isAlive()) {
          throw new ConfigException("postgres exited with code " + process.exitValue() + " (see " + log(dataDir) + ")");
        }
        if (PostmasterPid.read(pgData).filter(pid -> pid.pid() == process.pid() && pid.ready()).isPresent()) {
          health.up("embedded PostgreSQL on 127.0.0.1:" + port);
          return;
        }
        if (System.currentTimeMillis() > deadline) {
          stop(process.toHandle());
          throw new ConfigException("postgres was not ready within " + START_TIMEOUT_MS / 1000 + " s (see " + log(dataDir) + ")");
        }
        sleep(50);
      }
    }
  }

  /** Off the event loop: a daemon thread that waits for the server to exit and starts it again. */
  private void supervise() {
    supervisor = new Thread(() -> {
      while (!closing) {
        Process watched = server;
        try {
          int code = watched.waitFor();
          if (closing) {
            return;
          }
          health.down("the embedded PostgreSQL exited with code " + code + "; restarting it");
          launchWithRetries();
        } catch (InterruptedException e) {
          return;
        } catch (ConfigException e) {
          // launchWithRetries gave up after its deadline: keep trying, quietly (the outage is logged once)
          LOG.debug("Embedded PostgreSQL still down: {}", e.getMessage());
        }
      }
    }, "routemcp-postgres-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted while starting the embedded PostgreSQL");
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
