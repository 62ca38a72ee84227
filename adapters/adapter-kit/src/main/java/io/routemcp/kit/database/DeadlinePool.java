package io.routemcp.kit.database;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.TransactionPropagation;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * A pool whose every call ends within a deadline. A server that is stopped (SIGSTOP, a frozen VM)
 * keeps its sockets open and answers nothing; the PostgreSQL client applies no idle or read
 * timeout to its connections, so without this a statement, a connection handshake or a
 * transaction would wait for as long as the server is frozen. The late outcome is dropped; a
 * connection that arrives after its deadline goes back to the pool.
 */
final class DeadlinePool implements Pool {

  private final Pool pool;
  private final long deadlineMillis;

  DeadlinePool(Pool pool, long deadlineMillis) {
    this.pool = pool;
    this.deadlineMillis = deadlineMillis;
  }

  @Override
  public Future<SqlConnection> getConnection() {
    Future<SqlConnection> connection = pool.getConnection();
    return connection.timeout(deadlineMillis, TimeUnit.MILLISECONDS)
        .onFailure(late -> connection.onSuccess(SqlConnection::close));
  }

  @Override
  public Query<RowSet<Row>> query(String sql) {
    return new BoundedQuery<>(pool.query(sql));
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
    return new BoundedPreparedQuery<>(pool.preparedQuery(sql));
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
    return new BoundedPreparedQuery<>(pool.preparedQuery(sql, options));
  }

  @Override
  public <T> Future<T> withTransaction(Function<SqlConnection, Future<T>> function) {
    return bounded(pool.withTransaction(function));
  }

  @Override
  public <T> Future<T> withTransaction(TransactionPropagation propagation, Function<SqlConnection, Future<T>> function) {
    return bounded(pool.withTransaction(propagation, function));
  }

  @Override
  public <T> Future<T> withConnection(Function<SqlConnection, Future<T>> function) {
    return bounded(pool.withConnection(function));
  }

  @Override
  public int size() {
    return pool.size();
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }

  private <T> Future<T> bounded(Future<T> call) {
    return call.timeout(deadlineMillis, TimeUnit.MILLISECONDS);
  }

  private class BoundedQuery<T> implements Query<T> {

    private final Query<T> query;

    BoundedQuery(Query<T> query) {
      this.query = query;
    }

    @Override
    public Future<T> execute() {
      return bounded(query.execute());
    }

    @Override
    public <R> Query<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
      return new BoundedQuery<>(query.collecting(collector));
    }

    @Override
    public <U> Query<RowSet<U>> mapping(Function<Row, U> mapper) {
      return new BoundedQuery<>(query.mapping(mapper));
    }
  }

  private final class BoundedPreparedQuery<T> extends BoundedQuery<T> implements PreparedQuery<T> {

    private final PreparedQuery<T> query;

    BoundedPreparedQuery(PreparedQuery<T> query) {
      super(query);
      this.query = query;
    }

    @Override
    public Future<T> execute(Tuple tuple) {
      return bounded(query.execute(tuple));
    }

    @Override
    public Future<T> executeBatch(List<Tuple> batch) {
      return bounded(query.executeBatch(batch));
    }

    @Override
    public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
      return new BoundedPreparedQuery<>(query.collecting(collector));
    }

    @Override
    public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
      return new BoundedPreparedQuery<>(query.mapping(mapper));
    }
  }
}
