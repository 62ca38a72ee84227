package io.routemcp.kit.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Enums whose unified values stand for several provider values, and booleans a provider says in words. */
class ProviderWordsTest {

  private static Transform transform(String name, String options) {
    return Transform.named(name, new JsonObject(options), null);
  }

  @Test
  @DisplayName("an enum value listing several provider values reads all of them and writes the first")
  void enumSynonyms() {
    Transform priority = transform("enum", "{\"map\":{\"LOW\":[\"Low\",\"Lowest\"],\"MEDIUM\":\"Normal\",\"HIGH\":[\"High\",\"Highest\"]}}");
    assertThat(priority.toUnified("Highest", Map.of())).isEqualTo("HIGH");
    assertThat(priority.toUnified("lowest", Map.of())).isEqualTo("LOW");
    assertThat(priority.toUnified("Normal", Map.of())).isEqualTo("MEDIUM");
    assertThat(priority.toProvider("HIGH")).isEqualTo("High");
    assertThat(priority.toProvider("LOW")).isEqualTo("Low");
    assertThatThrownBy(() -> transform("enum", "{\"map\":{\"LOW\":[]}}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a boolean given in words reads each listed word, ignoring case, and writes the first of each")
  void booleanWords() {
    Transform active = transform("boolean", "{\"true\":\"active\",\"false\":[\"disabled\",\"deleted\"]}");
    assertThat(active.toUnified("active", Map.of())).isEqualTo(true);
    assertThat(active.toUnified("Deleted", Map.of())).isEqualTo(false);
    assertThat(active.toUnified("pending", Map.of())).isNull();
    assertThat(active.toUnified(true, Map.of())).as("a real boolean still reads").isEqualTo(true);
    assertThat(active.toProvider(false)).isEqualTo("disabled");
    Transform won = transform("boolean", "{\"true\":\"Closed Won\",\"false\":[\"Open\",\"Closed Lost\"]}");
    assertThat(won.toUnified("Closed Lost", Map.of())).isEqualTo(false);
    assertThatThrownBy(() -> transform("boolean", "{\"true\":\"active\"}")).isInstanceOf(IllegalArgumentException.class);
  }
}
