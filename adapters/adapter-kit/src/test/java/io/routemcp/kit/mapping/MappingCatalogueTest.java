package io.routemcp.kit.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MappingCatalogueTest {

  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  @DisplayName("lists the providers and resources that ship mapping files")
  void listsFiles() {
    MappingCatalogue catalogue = MappingCatalogue.load(loader, List.of("testcrm", "nocrm"));

    assertThat(catalogue.slugs()).containsExactly("testcrm");
    assertThat(catalogue.resources("testcrm")).containsExactlyInAnyOrder(Resource.CONTACT, Resource.DEAL);
    assertThat(catalogue.defaults("testcrm", Resource.NOTE)).isEmpty();
    assertThat(catalogue.defaults("testcrm", Resource.CONTACT)).first()
        .satisfies(item -> assertThat(item.standardKey()).isEqualTo("contacts:v1:first_name"))
        .satisfies(item -> assertThat(item.source()).isEqualTo("default"));
  }

  @Test
  @DisplayName("marks each effective item with its source")
  void effective() {
    MappingCatalogue catalogue = MappingCatalogue.load(loader, List.of("testcrm"));

    List<FieldMapping> items = catalogue.effective("testcrm", Resource.CONTACT, new JsonArray()
        .add(new JsonObject().put("unifiedField", "last_name").put("providerField", "properties.surname")));

    assertThat(items).extracting(FieldMapping::unifiedField).startsWith("first_name", "last_name");
    assertThat(items.get(1).source()).isEqualTo("org");
    assertThat(items.get(1).providerField()).isEqualTo("properties.surname");
    assertThat(items.get(0).source()).isEqualTo("default");
  }

  @Test
  @DisplayName("fails loudly on a default file with an invalid item")
  void refusesBrokenFile() {
    assertThatThrownBy(() -> MappingCatalogue.load(loader, List.of("brokencrm")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("routemcp/mappings/brokencrm/contact.json").hasMessageContaining("favourite_colour");
  }

  @Test
  @DisplayName("answers a resource without mappings with an empty mapper")
  void emptyMapper() {
    MappingCatalogue catalogue = MappingCatalogue.load(loader, List.of("testcrm"));

    assertThat(catalogue.mapper("testcrm", Resource.NOTE, null).toUnified(new JsonObject().put("a", 1)))
        .isEqualTo(new JsonObject().put("custom_fields", new JsonObject()));
  }
}
