package io.routemcp.gateway.cli;

import io.routemcp.gateway.admin.OrganizationStore;
import io.routemcp.gateway.auth.ApiKeyStore;
import io.routemcp.gateway.config.ConfigException;
import io.routemcp.gateway.database.DatabaseUrl;
import io.routemcp.kit.resource.Environment;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code keys create --org NAME --env test|live [--name LABEL]}: creates an API key (and the
 * organization if it has no such name yet) and prints the key. Runs on the launcher's own
 * thread, so waiting for the result here blocks no event loop.
 */
public final class KeysCommand {

  public static final String USAGE = "usage: routemcp keys create --org NAME --env test|live [--name LABEL]";

  private final String org;
  private final Environment environment;
  private final String name;

  private KeysCommand(String org, Environment environment, String name) {
    this.org = org;
    this.environment = environment;
    this.name = name;
  }

  public static KeysCommand parse(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("create")) {
      throw new ConfigException(USAGE);
    }
    String org = null;
    String env = null;
    String name = null;
    for (int i = 1; i < args.size(); i++) {
      String value = i + 1 < args.size() ? args.get(i + 1) : null;
      switch (args.get(i)) {
        case "--org" -> org = value;
        case "--env" -> env = value;
        case "--name" -> name = value;
        default -> throw new ConfigException("unknown option " + args.get(i) + "; " + USAGE);
      }
      i++;
    }
    if (org == null || org.isBlank() || env == null) {
      throw new ConfigException(USAGE);
    }
    try {
      return new KeysCommand(org.trim(), Environment.fromWire(env), name);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--env must be test or live; " + USAGE);
    }
  }

  /** The created key's view, including the plaintext key. */
  public JsonObject run(DatabaseUrl database) {
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(database.vertxUri())).using(vertx).build();
    try {
      OrganizationStore organizations = new OrganizationStore(pool);
      ApiKeyStore keys = new ApiKeyStore(pool);
      return organizations.findOrCreate(org)
          .compose(found -> keys.create(found.getString("id"), environment, name).map(key -> key.put("organizationName", found.getString("name"))))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new ConfigException("could not create the key: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new ConfigException("could not create the key: the database did not answer within 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigException("interrupted");
    } finally {
      pool.close();
      vertx.close();
    }
  }
}
