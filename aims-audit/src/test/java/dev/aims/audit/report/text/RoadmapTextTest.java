package dev.aims.audit.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aims.assessment.gap.RagStatus;
import dev.aims.assessment.roadmap.Horizon;
import dev.aims.assessment.roadmap.Priority;
import dev.aims.assessment.roadmap.Roadmap;
import dev.aims.assessment.roadmap.RoadmapAction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoadmapTextTest {
  @Test
  void render_printsEachHorizon_andWrapsTheActionAt40() {
    LocalDate start = LocalDate.of(2026, 1, 1);
    Roadmap r =
        new Roadmap(
            "Acme",
            start,
            List.of(
                new RoadmapAction(
                    1,
                    Horizon.DAYS_30,
                    LocalDate.of(2026, 1, 31),
                    Priority.MANDATORY_DOCUMENT,
                    "5.2",
                    "AI policy",
                    RagStatus.RED,
                    "Write and approve the AI policy, then communicate it to everyone",
                    List.of("no AI policy"),
                    "red item")));
    assertThat(RoadmapText.render(r).lines())
        .containsExactly(
            "Remediation roadmap of Acme from 2026-01-01: 1 actions (priority: mandatory"
                + " documents, high risks, Annex A controls, other requirements)",
            "",
            "30 days, by 2026-01-31: 1 action",
            "#  Ref      Due         Priority            Action                                 Because"
                + "       Horizon set by",
            "-  ---  --  ----------  ------------------  -------------------------------------"
                + "  ------------  --------------",
            "1  5.2  🔴  2026-01-31  Mandatory document  Write and approve the AI policy, then  no AI"
                + " policy  red item",
            "                                            communicate it to everyone",
            "",
            "60 days, by 2026-03-02: 0 actions",
            "",
            "90 days, by 2026-04-01: 0 actions",
            "",
            "Strategic, by 2027-01-01: 0 actions");
  }
}
