package dev.aims.core.audit;

import static dev.aims.core.testing.CommonGen.checkJsonRoundTrip;
import static dev.aims.core.testing.CommonGen.checkValid;

import dev.aims.core.testing.AuditGen;
import org.junit.jupiter.api.Test;

class AuditPropertiesTest {
  @Test
  void auditProgramme_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(AuditGen.programmes(), AuditProgramme.class);
  }

  @Test
  void plannedAudit_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(
        AuditGen.plannedAudits(java.time.LocalDate.of(2025, 1, 1)), PlannedAudit.class);
  }

  @Test
  void auditReport_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(AuditGen.reports(), AuditReport.class);
  }

  @Test
  void auditFinding_jsonRoundTripPreservesEquality() {
    checkJsonRoundTrip(AuditGen.findings(), AuditFinding.class);
  }

  @Test
  void auditProgramme_generatedValuesSatisfyTheirConstraints() {
    checkValid(AuditGen.programmes());
  }
}
