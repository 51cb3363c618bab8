package dev.aims.cli;

import static dev.aims.cli.RecordsDirectoryCommands.DIR;
import static dev.aims.cli.RecordsDirectoryCommands.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aims.cli.RecordsDirectoryCommands.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadmapCommandTest {
  @TempDir Path tmp;

  @Test
  void roadmap_listsTheFourHorizons() {
    Run r = run("roadmap", DIR, "--date", "2026-11-30");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("30 days, by 2026-12-30")
        .contains("60 days, by 2027-01-29")
        .contains("90 days, by 2027-02-28")
        .contains("Strategic, by 2027-11-30")
        .contains("Mandatory document");
  }

  @Test
  void roadmap_riskRatedOutsideTheMatrix_isPlannedForReRating_notACrash() throws IOException {
    Path dir = RecordsDirectoryTest.copySamplesWithRiskOutsideTheMatrix(tmp);
    Run r = run("roadmap", dir.toString(), "--date", "2026-11-30");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("R-001").contains("Re-rate R-001");

    Run json = run("roadmap", dir.toString(), "--date", "2026-11-30", "--json");
    assertThat(json.code()).isZero();
    assertThat(json.out())
        .contains("\"ref\" : \"R-001\"")
        .contains("Inherent rating (likelihood 6, severity 4) is outside the matrix");
  }

  /**
   * On the sample records as of 2026-12-06: the first-ranked action (a mandatory document), the
   * only red item, the items due on 2026-12-15 and the approval of the draft POL-03 all go to the
   * 30-day horizon, each saying why.
   */
  @Test
  void roadmap_ofTheSamples_putsRedMandatoryAndSoonDueItemsIn30Days() throws IOException {
    Run r = run("roadmap", DIR, "--date", "2026-12-06", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode actions = new ObjectMapper().readTree(r.out()).get("actions");
    Map<String, JsonNode> byRef = new LinkedHashMap<>();
    actions.forEach(a -> byRef.putIfAbsent(a.get("ref").asText(), a));

    JsonNode first = actions.get(0);
    assertThat(first.get("ref").asText()).isEqualTo("6.1.2");
    assertThat(first.get("priority").asText()).isEqualTo("MANDATORY_DOCUMENT");
    assertThat(first.get("horizon").asText()).isEqualTo("DAYS_30");

    JsonNode red = byRef.get("A.8.3");
    assertThat(red.get("status").asText()).isEqualTo("RED");
    assertThat(red.get("horizon").asText()).isEqualTo("DAYS_30");
    assertThat(red.get("timing").asText()).isEqualTo("red (Annex A control)");

    for (String dueOn15December : new String[] {"A.9.2", "A.4.6"}) {
      assertThat(byRef.get(dueOn15December).get("horizon").asText())
          .as(dueOn15December)
          .isEqualTo("DAYS_30");
      assertThat(byRef.get(dueOn15December).get("timing").asText())
          .as(dueOn15December)
          .isEqualTo("due on 2026-12-15");
      assertThat(byRef.get(dueOn15December).get("due").asText())
          .as(dueOn15December)
          .isEqualTo("2026-12-15");
    }
    assertThat(byRef.get("7.2").get("horizon").asText()).isEqualTo("DAYS_30");

    JsonNode approve = byRef.get("A.9.4");
    assertThat(approve.get("action").asText())
        .isEqualTo("Have Chief Executive Officer approve POL-03");
    assertThat(approve.get("horizon").asText()).isEqualTo("DAYS_30");
    assertThat(approve.get("timing").asText()).startsWith("shares the finding of A.9.2");
    assertThat(approve.get("due").asText()).isEqualTo("2026-12-15");
    assertThat(first.get("due").asText()).isEqualTo("2027-01-05");

    assertThat(byRef.values())
        .noneMatch(a -> a.get("horizon").asText().equals("STRATEGIC"))
        .allMatch(a -> a.get("horizon").asText().equals("DAYS_30"));
  }
}
