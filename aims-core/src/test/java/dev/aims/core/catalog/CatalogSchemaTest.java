package dev.aims.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled catalogue resource validates against its JSON Schema (draft 2020-12). */
class CatalogSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  static String schemaFor(String resource) {
    return resource.startsWith("crosswalks/")
        ? "schema/crosswalk.schema.json"
        : "schema/" + resource.replace(".json", ".schema.json");
  }

  static JsonNode json(String resource) throws IOException {
    try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return MAPPER.readTree(in);
    }
  }

  static JsonSchema schema(String resource) throws IOException {
    JsonNode node = json(schemaFor(resource));
    assertThat(node.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    return FACTORY.getSchema(node);
  }

  static java.util.List<String> resources() {
    return CatalogLoader.resourceNames();
  }

  @ParameterizedTest
  @MethodSource("resources")
  void bundledResource_validatesAgainstItsSchema(String resource) throws IOException {
    Set<ValidationMessage> errors = schema(resource).validate(json(resource));
    assertThat(errors).as(resource).isEmpty();
  }

  @Test
  void schema_rejectsAControlWithBoilerplateSizedGuidance() throws IOException {
    JsonNode annexA = json(CatalogLoader.ANNEX_A);
    ObjectNode control = (ObjectNode) annexA.get("controls").get(0);
    control.putArray("auditTips").add("only one tip");
    control.put("emphasis", "EVERYONE");
    Set<ValidationMessage> errors = schema(CatalogLoader.ANNEX_A).validate(annexA);
    assertThat(errors)
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("auditTips"))
        .anySatisfy(m -> assertThat(m).contains("emphasis"));
  }

  @Test
  void schema_rejectsACrosswalkLinkWithoutBasis() throws IOException {
    String resource = CatalogLoader.crosswalkResource(Framework.ISO_9001);
    JsonNode crosswalk = json(resource);
    ((ObjectNode) crosswalk.get("links").get(0)).remove("basis");
    assertThat(schema(resource).validate(crosswalk))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("basis"));
  }

  @Test
  void schema_rejectsDocumentedInformationItemsWhenNoneIsRequired() throws IOException {
    JsonNode clauses = json(CatalogLoader.CLAUSES);
    ObjectNode info = (ObjectNode) clauses.get("clauses").get(1).get("documentedInformation");
    assertThat(info.get("kind").asText()).isEqualTo("NONE");
    info.putArray("items").add("something");
    assertThat(schema(CatalogLoader.CLAUSES).validate(clauses)).isNotEmpty();
  }

  @Test
  void schema_rejectsATermWithAClause3IdButAnotherOrigin_andOneWithoutExplanation()
      throws IOException {
    JsonNode terms = json(CatalogLoader.TERMS);
    ObjectNode clause3 = (ObjectNode) terms.get("terms").get(0);
    clause3.put("origin", "PRACTICE");
    ObjectNode other = (ObjectNode) terms.get("terms").get(terms.get("terms").size() - 1);
    other.remove("explanation");
    assertThat(schema(CatalogLoader.TERMS).validate(terms))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("clause3Id"))
        .anySatisfy(m -> assertThat(m).contains("explanation"));
  }
}
