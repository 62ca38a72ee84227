package io.routemcp.kit.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.FieldProblem;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FieldMappingTest {

  private static List<String> problems(Resource resource, String item) {
    return FieldMapping.validate(resource, new JsonObject(item)).stream().map(FieldProblem::field).toList();
  }

  @Test
  @DisplayName("accepts fields of the unified schema, custom fields, list entries and server timestamps read only")
  void acceptsValidItems() {
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"first_name\",\"providerField\":\"properties.firstname\"}")).isEmpty();
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"custom_fields.tier\",\"providerField\":\"properties.tier\"}")).isEmpty();
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"phone_numbers[type=Mobile]\",\"providerField\":\"properties.mobilephone\"}")).isEmpty();
    assertThat(problems(Resource.COMPANY, "{\"unifiedField\":\"addresses[type=Billing].city\",\"providerField\":\"Billing_City\"}")).isEmpty();
    assertThat(problems(Resource.CONTACT,
        "{\"unifiedField\":\"updated_at\",\"providerField\":\"properties.lastmodifieddate\",\"direction\":\"read\",\"transform\":\"datetime\"}")).isEmpty();
    assertThat(problems(Resource.ACTIVITY,
        "{\"unifiedField\":\"type\",\"direction\":\"read\",\"transform\":\"constant\",\"options\":{\"value\":\"CALL\"}}")).isEmpty();
  }

  @Test
  @DisplayName("refuses a unified field the resource does not have")
  void refusesUnknownUnifiedField() {
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"favourite_colour\",\"providerField\":\"properties.c\"}"))
        .containsExactly("unifiedField");
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"custom_fields\",\"providerField\":\"properties.c\"}"))
        .containsExactly("unifiedField");
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"custom_fields.\",\"providerField\":\"properties.c\"}"))
        .containsExactly("unifiedField");
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"addresses[type=Home]\",\"providerField\":\"properties.city\"}"))
        .containsExactly("unifiedField");
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"phone_numbers[type=Mobile].extension\",\"providerField\":\"p\"}"))
        .containsExactly("unifiedField");
    assertThat(problems(Resource.OWNER, "{\"unifiedField\":\"stages\",\"providerField\":\"stages\"}")).containsExactly("unifiedField");
  }

  @Test
  @DisplayName("refuses an unknown transform, a bad direction, bad options and a missing provider field")
  void refusesBadItems() {
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"first_name\",\"providerField\":\"p\",\"transform\":\"shout\"}"))
        .containsExactly("transform");
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"first_name\",\"providerField\":\"p\",\"direction\":\"write\"}"))
        .containsExactly("direction");
    assertThat(problems(Resource.TASK, "{\"unifiedField\":\"status\",\"providerField\":\"p\",\"transform\":\"enum\"}"))
        .containsExactly("options");
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"first_name\"}")).containsExactly("providerField");
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"first_name\",\"providerField\":\"properties..x\"}"))
        .containsExactly("providerField");
  }

  @Test
  @DisplayName("refuses writes through what is read only")
  void refusesWritesOfReadOnly() {
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"created_at\",\"providerField\":\"properties.createdate\"}"))
        .containsExactly("direction");
    assertThat(problems(Resource.OWNER, "{\"unifiedField\":\"name\",\"providerField\":\"firstName\",\"transform\":\"join\",\"options\":{\"append\":[\"lastName\"]}}"))
        .containsExactly("direction");
  }

  @Test
  @DisplayName("refuses a scalar transform on a whole list of objects")
  void refusesScalarOnList() {
    assertThat(problems(Resource.CONTACT, "{\"unifiedField\":\"email_addresses\",\"providerField\":\"properties.email\"}"))
        .containsExactly("transform");
  }

  @Test
  @DisplayName("has a standard key from the resource and unified field, and serves its source")
  void standardKeyAndJson() {
    FieldMapping item = FieldMapping.fromJson(Resource.CONTACT,
        new JsonObject("{\"unifiedField\":\"first_name\",\"providerField\":\"properties.firstname\"}"), FieldMapping.ORG_SOURCE);

    assertThat(item.standardKey()).isEqualTo("contacts:v1:first_name");
    assertThat(item.toJson()).isEqualTo(new JsonObject().put("standardKey", "contacts:v1:first_name")
        .put("unifiedField", "first_name").put("providerField", "properties.firstname").put("direction", "bidirectional")
        .put("transform", "string").put("source", "org"));
    assertThatThrownBy(() -> FieldMapping.fromJson(Resource.CONTACT, new JsonObject().put("unifiedField", "x"), "org"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unifiedField");
  }
}
