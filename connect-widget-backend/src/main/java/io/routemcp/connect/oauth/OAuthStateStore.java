package io.routemcp.connect.oauth;

import io.routemcp.connect.tokens.ConnectSession;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * The SQL of OAuth states. A state is taken by one UPDATE that sets consumed_at only where it is
 * still null, so of two callbacks racing with the same state exactly one gets it.
 */
public final class OAuthStateStore {

  /** How a callback's state turned out. */
  public enum Check {
    VALID,
    /** no state has this hash: never issued here, or altered on the way */
    UNKNOWN,
    /** already taken by an earlier callback */
    REPLAYED,
    /** issued to another browser (its binding cookie is missing or different) */
    FOREIGN,
    /** past its lifetime; it is taken all the same, so it cannot be tried again */
    EXPIRED
  }

  /** @param state set only when {@code check} is VALID */
  public record Taken(Check check, OAuthState state) {
  }

  private final Pool pool;

  public OAuthStateStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> create(UUID id, byte[] stateHash, byte[] browserBindingHash, ConnectSession session, String provider,
      byte[] sealedVerifier, long lifetimeSeconds) {
    return pool.preparedQuery("INSERT INTO oauth_states (id, state_hash, browser_binding_hash, connect_token_id,"
            + " organization_id, environment, end_user_id, provider, code_verifier, expires_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(secs => $10))")
        .execute(Tuple.from(new Object[] {id, Buffer.buffer(stateHash), Buffer.buffer(browserBindingHash),
            session.tokenId(), session.orgId(), session.environment(), session.endUserId(), provider,
            sealedVerifier == null ? null : Buffer.buffer(sealedVerifier), (double) lifetimeSeconds}))
        .mapEmpty();
  }

  /** Takes the state for this browser, or says why it cannot be taken. */
  public Future<Taken> take(byte[] stateHash, byte[] browserBindingHash) {
    Buffer state = Buffer.buffer(stateHash);
    Buffer binding = Buffer.buffer(browserBindingHash == null ? new byte[0] : browserBindingHash);
    return pool.preparedQuery("UPDATE oauth_states s SET consumed_at = now() FROM end_users e"
            + " WHERE s.state_hash = $1 AND s.browser_binding_hash = $2 AND s.consumed_at IS NULL AND e.id = s.end_user_id"
            + " RETURNING s.id, s.organization_id, s.environment, s.end_user_id, e.external_id, s.provider,"
            + " s.code_verifier, s.expires_at > now() AS live")
        .execute(Tuple.of(state, binding))
        .compose(rows -> {
          if (rows.size() == 1) {
            Row row = rows.iterator().next();
            if (!row.getBoolean("live")) {
              return Future.succeededFuture(new Taken(Check.EXPIRED, null));
            }
            Buffer verifier = row.getBuffer("code_verifier");
            return Future.succeededFuture(new Taken(Check.VALID, new OAuthState(row.getUUID("id"),
                row.getUUID("organization_id"), row.getString("environment"), row.getUUID("end_user_id"),
                row.getString("external_id"), row.getString("provider"), verifier == null ? null : verifier.getBytes())));
          }
          return pool.preparedQuery("SELECT consumed_at IS NOT NULL AS consumed FROM oauth_states WHERE state_hash = $1")
              .execute(Tuple.of(state))
              .map(found -> {
                if (found.size() == 0) {
                  return new Taken(Check.UNKNOWN, null);
                }
                return new Taken(found.iterator().next().getBoolean("consumed") ? Check.REPLAYED : Check.FOREIGN, null);
              });
        });
  }
}
