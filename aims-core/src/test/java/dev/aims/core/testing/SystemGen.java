package dev.aims.core.testing;

import static dev.aims.core.testing.CommonGen.bool;
import static dev.aims.core.testing.CommonGen.distinctBy;
import static dev.aims.core.testing.CommonGen.enumValue;
import static dev.aims.core.testing.CommonGen.listOf;
import static dev.aims.core.testing.CommonGen.nonEmptyEnumSet;
import static dev.aims.core.testing.CommonGen.optional;
import static dev.aims.core.testing.CommonGen.setOf;
import static dev.aims.core.testing.CommonGen.slug;
import static dev.aims.core.testing.CommonGen.text;

import dev.aims.core.system.AffectedPopulation;
import dev.aims.core.system.AiRole;
import dev.aims.core.system.AiSystem;
import dev.aims.core.system.DataSource;
import dev.aims.core.system.DataSourceKind;
import dev.aims.core.system.HumanOversightMode;
import dev.aims.core.system.ImpactDomain;
import dev.aims.core.system.ModelVersion;
import dev.aims.core.system.OutputType;
import dev.aims.core.system.PopulationScale;
import dev.aims.core.system.SystemStatus;
import dev.aims.core.system.Vulnerability;
import java.util.ArrayList;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid {@code dev.aims.core.system} values. */
public final class SystemGen {
  private SystemGen() {}

  /** Returns valid affected populations. */
  public static Gen<AffectedPopulation> affectedPopulations() {
    return in ->
        AffectedPopulation.of(
            enumValue(PopulationScale.class).generate(in),
            enumValue(Vulnerability.class).generate(in),
            text().generate(in));
  }

  /** Returns valid model versions, some with a supplier. */
  public static Gen<ModelVersion> modelVersions() {
    return in ->
        ModelVersion.builder()
            .name(text().generate(in))
            .version(text().generate(in))
            .supplier(optional(text()).generate(in))
            .build();
  }

  /** Returns valid data sources. */
  public static Gen<DataSource> dataSources() {
    return in ->
        DataSource.builder()
            .name(text().generate(in))
            .kind(enumValue(DataSourceKind.class).generate(in))
            .provenance(text().generate(in))
            .containsPersonalData(bool().generate(in))
            .build();
  }

  /** Returns valid AI systems: status and stage agree, model and data source names are unique. */
  public static Gen<AiSystem> aiSystems() {
    return in -> {
      SystemStatus status = enumValue(SystemStatus.class).generate(in);
      var stages = new ArrayList<>(status.stages());
      return AiSystem.builder()
          .id(slug().generate(in))
          .name(text().generate(in))
          .intendedPurpose(text().generate(in))
          .roles(nonEmptyEnumSet(AiRole.class).generate(in))
          .lifecycleStage(stages.get(CommonGen.pick(in, stages.size())))
          .outputType(enumValue(OutputType.class).generate(in))
          .impactDomain(enumValue(ImpactDomain.class).generate(in))
          .affectedPopulation(affectedPopulations().generate(in))
          .humanOversight(enumValue(HumanOversightMode.class).generate(in))
          .models(
              distinctBy(
                  listOf(modelVersions(), 3).generate(in), m -> m.name() + "@" + m.version()))
          .dataSources(distinctBy(listOf(dataSources(), 3).generate(in), DataSource::name))
          .suppliers(setOf(text(), 3).generate(in))
          .owner(text().generate(in))
          .status(status)
          .build();
    };
  }
}
