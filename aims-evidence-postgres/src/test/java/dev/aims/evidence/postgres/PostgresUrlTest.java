package dev.aims.evidence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresUrlTest {
  private static final String URL = "jdbc:postgresql://localhost:5432/aims";

  @Test
  void dataSource_takesPasswordAndUserFromEnvironment() {
    PGSimpleDataSource ds =
        PostgresUrl.dataSource(URL, Map.of("PGPASSWORD", "s3cret-pw", "PGUSER", "svc")::get);
    assertThat(ds.getPassword()).isEqualTo("s3cret-pw");
    assertThat(ds.getUser()).isEqualTo("svc");
    assertThat(ds.getServerNames()).containsExactly("localhost");
    assertThat(ds.getDatabaseName()).isEqualTo("aims");
  }

  @Test
  void dataSource_keepsTheUrlsUserOverPguser() {
    PGSimpleDataSource ds =
        PostgresUrl.dataSource(URL + "?user=auditor", Map.of("PGUSER", "svc")::get);
    assertThat(ds.getUser()).isEqualTo("auditor");
    assertThat(ds.getPassword()).isNull();
  }

  @Test
  void dataSource_withoutEnvironment_setsNoPassword() {
    assertThat(PostgresUrl.dataSource(URL, Map.<String, String>of()::get).getPassword()).isNull();
  }

  @Test
  void dataSource_refusesPasswordsInTheUrlWithoutRepeatingThem() {
    for (String url :
        new String[] {
          URL + "?user=a&password=hunter22",
          URL + "?sslPassword=hunter22",
          "jdbc:postgresql://a:hunter22@localhost/aims",
          "postgresql://a:hunter22@localhost/aims"
        }) {
      assertThatThrownBy(() -> PostgresUrl.dataSource(url, Map.<String, String>of()::get))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("hunter22")
          .hasMessageContaining("not repeated");
    }
    assertThatThrownBy(() -> PostgresUrl.dataSource(URL + "?password=x", k -> null))
        .hasMessageContaining("PGPASSWORD");
  }

  @Test
  void dataSource_refusesAMalformedUrlNamingIt() {
    assertThatThrownBy(() -> PostgresUrl.dataSource("jdbc:postgresql://h:notaport/db", k -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql://h:notaport/db");
  }
}
