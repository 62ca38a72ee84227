package io.routemcp.kit.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One provider lookup linking to records of several types (Zoho's What_Id with $se_module, a note's Parent_Id). */
class PolymorphicLookupTest {

  private static FieldMapper taskMapper() {
    return FieldMapper.of(Resource.TASK, List.of(
        item(Resource.TASK, "account", "What_Id", "{\"typeField\":\"$se_module\",\"type\":\"Accounts\"}"),
        item(Resource.TASK, "deal", "What_Id", "{\"typeField\":\"$se_module\",\"type\":\"Deals\"}"),
        item(Resource.TASK, "contact", "Who_Id", "{}")));
  }

  private static FieldMapping item(Resource resource, String unified, String provider, String options) {
    return FieldMapping.fromJson(resource, new JsonObject().put("unifiedField", unified).put("providerField", provider)
        .put("direction", "bidirectional").put("transform", "reference").put("options", new JsonObject(options)), "default");
  }

  @Test
  @DisplayName("reads the id into the item whose type the record's type field names, and null into the others")
  void readsByTypeField() {
    JsonObject task = new JsonObject().put("What_Id", new JsonObject().put("name", "Big deal").put("id", "42"))
        .put("$se_module", "Deals").put("Who_Id", new JsonObject().put("id", "7"));
    JsonObject unified = taskMapper().toUnified(task);
    assertThat(unified.getString("deal")).isEqualTo("42");
    assertThat(unified.getValue("account")).isNull();
    assertThat(unified.getString("contact")).isEqualTo("7");
  }

  @Test
  @DisplayName("asks the provider for the type field too")
  void readsTheTypeField() {
    assertThat(taskMapper().providerFields()).contains("What_Id", "$se_module", "Who_Id");
  }

  @Test
  @DisplayName("writes the lookup with its type, and a clear of the other type never undoes it, in any order")
  void writesWithType() {
    JsonObject written = taskMapper().toProvider(new JsonObject().put("account", null).put("deal", "42"));
    assertThat(written.getJsonObject("What_Id")).isEqualTo(new JsonObject().put("id", "42"));
    assertThat(written.getString("$se_module")).isEqualTo("Deals");
    JsonObject replaced = taskMapper().toProvider(new JsonObject().put("account", "9"), true);
    assertThat(replaced.getJsonObject("What_Id")).isEqualTo(new JsonObject().put("id", "9"));
    assertThat(replaced.getString("$se_module")).isEqualTo("Accounts");
    assertThat(replaced.containsKey("Who_Id")).isTrue();
    assertThat(replaced.getValue("Who_Id")).isNull();
    JsonObject cleared = taskMapper().toProvider(new JsonObject().put("account", null));
    assertThat(cleared.containsKey("What_Id")).isTrue();
    assertThat(cleared.getValue("What_Id")).isNull();
  }

  @Test
  @DisplayName("reads and writes a type kept inside the lookup (v8 note Parent_Id.module.api_name)")
  void typeMember() {
    FieldMapper notes = FieldMapper.of(Resource.NOTE, List.of(
        item(Resource.NOTE, "contact", "Parent_Id", "{\"typeMember\":\"module.api_name\",\"type\":\"Contacts\"}"),
        item(Resource.NOTE, "account", "Parent_Id", "{\"typeMember\":\"module.api_name\",\"type\":\"Accounts\"}")));
    JsonObject note = new JsonObject().put("Parent_Id", new JsonObject()
        .put("module", new JsonObject().put("api_name", "Accounts").put("id", "2177")).put("name", "Acme").put("id", "5"));
    JsonObject unified = notes.toUnified(note);
    assertThat(unified.getString("account")).isEqualTo("5");
    assertThat(unified.getValue("contact")).isNull();
    assertThat(notes.toProvider(new JsonObject().put("contact", "8")).getJsonObject("Parent_Id"))
        .isEqualTo(new JsonObject().put("module", new JsonObject().put("api_name", "Contacts")).put("id", "8"));
  }

  @Test
  @DisplayName("a typed reference list reads a lookup of its type as a list of one, of another type as empty")
  void typedList() {
    FieldMapper meetings = FieldMapper.of(Resource.MEETING, List.of(
        item(Resource.MEETING, "contacts", "Who_Id", "{\"typeField\":\"$who_module\",\"type\":\"Contacts\"}")));
    assertThat(meetings.toUnified(new JsonObject().put("Who_Id", new JsonObject().put("id", "3"))
        .put("$who_module", "Contacts")).getJsonArray("contacts")).isEqualTo(new JsonArray().add("3"));
    assertThat(meetings.toUnified(new JsonObject().put("Who_Id", new JsonObject().put("id", "3"))
        .put("$who_module", "Leads")).getJsonArray("contacts")).isEmpty();
  }

  @Test
  @DisplayName("refuses a type without where to read it, or both places at once")
  void refusesIncompleteOptions() {
    assertThatThrownBy(() -> Transform.named("reference", new JsonObject().put("type", "Deals"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Transform.named("reference", new JsonObject().put("typeField", "$se_module"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Transform.named("reference", new JsonObject().put("type", "Deals")
        .put("typeField", "$se_module").put("typeMember", "module.api_name"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
