package dev.aims.evidence.postgres;

import dev.aims.evidence.postgres.testing.EmbeddedPostgres;
import dev.aims.evidence.spi.LogStore;
import dev.aims.evidence.store.LogStoreContract;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The store passes the contract on connections that do not unwrap to pgjdbc's (another driver, a
 * pool that hides the driver's connection): appends then take the INSERT of unnested arrays instead
 * of the binary COPY.
 */
class PostgresLogStoreWithoutCopyContractTest extends LogStoreContract {
  private static final AtomicInteger LOGS = new AtomicInteger();
  private static DataSource hidden;

  private static synchronized DataSource dataSource() {
    if (hidden == null) {
      hidden = new HidingDataSource(EmbeddedPostgres.shared().sharedPool());
    }
    return hidden;
  }

  @Override
  protected LogStore create() throws IOException {
    return PostgresLogStore.builder(dataSource())
        .origin("contract-unnest.example/log-" + LOGS.incrementAndGet())
        .open();
  }

  @Override
  protected LogStore reopen(LogStore store) throws IOException {
    return PostgresLogStore.builder(dataSource())
        .origin(((PostgresLogStore) store).origin())
        .open();
  }

  @Override
  protected boolean sharedWriters() {
    return true;
  }

  /** Hands out connections that are wrappers for nothing. */
  private static final class HidingDataSource implements DataSource {
    private final DataSource inner;

    HidingDataSource(DataSource inner) {
      this.inner = inner;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return hide(inner.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return hide(inner.getConnection(user, password));
    }

    private static Connection hide(Connection c) {
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "isWrapperFor":
                    return false;
                  case "unwrap":
                    throw new SQLException("not a wrapper");
                  default:
                    try {
                      return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                }
              });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return inner.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      inner.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      inner.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return inner.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return inner.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
