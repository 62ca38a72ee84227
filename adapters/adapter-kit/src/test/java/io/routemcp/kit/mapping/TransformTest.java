package io.routemcp.kit.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.UnifiedSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransformTest {

  private static final Map<String, Object> NO_RECORD = Map.of();

  private static Transform transform(String name, String options) {
    return Transform.named(name, options == null ? null : new JsonObject(options), null);
  }

  private static Object read(Transform t, Object value) {
    return t.toUnified(value, NO_RECORD);
  }

  @Nested
  @DisplayName("string")
  class Text {
    @Test
    @DisplayName("reads text as is, numbers and booleans as their text, and an empty string as null")
    void readsText() {
      Transform t = transform("string", null);
      assertThat(read(t, "Ada")).isEqualTo("Ada");
      assertThat(read(t, 42)).isEqualTo("42");
      assertThat(read(t, 4.50)).isEqualTo("4.5");
      assertThat(read(t, true)).isEqualTo("true");
      assertThat(read(t, "")).isNull();
      assertThat(read(t, new JsonObject().put("a", 1))).isNull();
    }

    @Test
    @DisplayName("is the transform an item without one gets")
    void isTheDefault() {
      assertThat(Transform.named(null, null, null).toUnified(7L, NO_RECORD)).isEqualTo("7");
    }
  }

  @Nested
  @DisplayName("number / decimal")
  class Number {
    @Test
    @DisplayName("reads HubSpot's numeric strings as numbers: whole as longs, fractions as exact decimals")
    void readsNumericStrings() {
      Transform t = transform("number", null);
      assertThat(read(t, "3000")).isEqualTo(3000L);
      assertThat(read(t, "3000.50")).isEqualTo(new BigDecimal("3000.5"));
      assertThat(read(t, "3000.00")).isEqualTo(3000L);
      assertThat(read(t, 12.25)).isEqualTo(new BigDecimal("12.25"));
      assertThat(read(t, 7)).isEqualTo(7);
      assertThat(read(t, "n/a")).isNull();
      assertThat(read(t, "")).isNull();
    }

    @Test
    @DisplayName("writes numbers natively, or as text when the provider wants strings")
    void writesNumbers() {
      assertThat(transform("decimal", null).toProvider(1999.99)).isEqualTo(new BigDecimal("1999.99"));
      assertThat(transform("decimal", null).toProvider("250")).isEqualTo(250L);
      assertThat(transform("number", "{\"as\":\"string\"}").toProvider(new BigDecimal("3000.50"))).isEqualTo("3000.5");
      assertThat(transform("number", "{\"as\":\"string\"}").toProvider(3000)).isEqualTo("3000");
    }

    @Test
    @DisplayName("scales both ways, e.g. a 0–1 probability shown as a percentage")
    void scales() {
      Transform t = transform("number", "{\"scale\":100}");
      assertThat(read(t, "0.2")).isEqualTo(20L);
      assertThat(read(t, "0.125")).isEqualTo(new BigDecimal("12.5"));
      assertThat(t.toProvider(20)).isEqualTo(new BigDecimal("0.2"));
      assertThat(t.toProvider(100)).isEqualTo(1L);
    }

    @Test
    @DisplayName("refuses a scale that is not a number")
    void refusesBadScale() {
      assertThatThrownBy(() -> transform("number", "{\"scale\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> transform("number", "{\"as\":\"hex\"}")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("integer")
  class Integer {
    @Test
    @DisplayName("reads whole numbers from numbers and strings, and nothing with a fraction")
    void readsWholeNumbers() {
      Transform t = transform("integer", null);
      assertThat(read(t, "250")).isEqualTo(250L);
      assertThat(read(t, "250.0")).isEqualTo(250L);
      assertThat(read(t, 250)).isEqualTo(250L);
      assertThat(read(t, "2.5")).isNull();
      assertThat(read(t, "many")).isNull();
    }

    @Test
    @DisplayName("writes a long, or its text")
    void writes() {
      assertThat(transform("integer", null).toProvider(12)).isEqualTo(12L);
      assertThat(transform("integer", "{\"as\":\"string\"}").toProvider(12)).isEqualTo("12");
    }
  }

  @Nested
  @DisplayName("boolean")
  class Bool {
    @Test
    @DisplayName("reads booleans, \"true\"/\"false\" strings in any case and 1/0")
    void reads() {
      Transform t = transform("boolean", null);
      assertThat(read(t, true)).isEqualTo(true);
      assertThat(read(t, "true")).isEqualTo(true);
      assertThat(read(t, "FALSE")).isEqualTo(false);
      assertThat(read(t, 1)).isEqualTo(true);
      assertThat(read(t, "0")).isEqualTo(false);
      assertThat(read(t, "maybe")).isNull();
    }

    @Test
    @DisplayName("negates both ways (archived ↔ is_active) and writes text when asked")
    void negates() {
      Transform t = transform("boolean", "{\"negate\":true,\"as\":\"string\"}");
      assertThat(read(t, false)).isEqualTo(true);
      assertThat(read(t, "true")).isEqualTo(false);
      assertThat(t.toProvider(true)).isEqualTo("false");
      assertThat(transform("boolean", null).toProvider(true)).isEqualTo(true);
    }
  }

  @Nested
  @DisplayName("date")
  class Date {
    @Test
    @DisplayName("reads plain dates, date-times (the date as written) and epoch milliseconds as YYYY-MM-DD")
    void reads() {
      Transform t = transform("date", null);
      assertThat(read(t, "2026-12-31")).isEqualTo("2026-12-31");
      assertThat(read(t, "2026-12-31T00:00:00Z")).isEqualTo("2026-12-31");
      assertThat(read(t, "2026-12-31T00:00:00+03:00")).isEqualTo("2026-12-31");
      assertThat(read(t, 1798675200000L)).isEqualTo("2026-12-31");
      assertThat(read(t, "1798675200000")).isEqualTo("2026-12-31");
      assertThat(read(t, "31/12/2026")).isNull();
    }

    @Test
    @DisplayName("writes the provider's form: plain date by default, midnight UTC or epoch milliseconds")
    void writes() {
      assertThat(transform("date", null).toProvider("2026-12-31")).isEqualTo("2026-12-31");
      assertThat(transform("date", "{\"format\":\"datetime\"}").toProvider("2026-12-31")).isEqualTo("2026-12-31T00:00:00Z");
      assertThat(transform("date", "{\"format\":\"epoch_millis\"}").toProvider("2026-12-31")).isEqualTo(1798675200000L);
      assertThatThrownBy(() -> transform("date", "{\"format\":\"offset\"}")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("datetime")
  class DateTime {
    @Test
    @DisplayName("normalises every ISO form, with or without offset, to UTC ending in Z")
    void normalises() {
      Transform t = transform("datetime", null);
      assertThat(read(t, "2026-02-25T16:26:25.880Z")).isEqualTo("2026-02-25T16:26:25.880Z");
      assertThat(read(t, "2026-05-14T12:51:40+03:00")).isEqualTo("2026-05-14T09:51:40Z");
      assertThat(read(t, "2026-05-14T12:51:40+0300")).isEqualTo("2026-05-14T09:51:40Z");
      assertThat(read(t, "2026-05-15 09:55:02")).isEqualTo("2026-05-15T09:55:02Z");
      assertThat(read(t, "2026-05-15T09:55:02")).isEqualTo("2026-05-15T09:55:02Z");
      assertThat(read(t, "2026-05-15")).isEqualTo("2026-05-15T00:00:00Z");
      assertThat(read(t, "1772036785880")).isEqualTo("2026-02-25T16:26:25.880Z");
      assertThat(read(t, "yesterday")).isNull();
    }

    @Test
    @DisplayName("passes already canonical UTC instants through unparsed, and only those")
    void canonicalFastPath() {
      for (String canonical : new String[] {"2026-02-25T16:26:25Z", "2026-02-25T16:26:25.880Z", "2024-02-29T23:59:59.000001Z",
          "2026-12-31T00:00:00.000000001Z"}) {
        assertThat(DateTimeTransform.isCanonical(canonical)).as(canonical).isTrue();
        assertThat(java.time.Instant.parse(canonical).toString()).isEqualTo(canonical);
      }
      for (String other : new String[] {"2026-03-01T10:00:00.000Z", "2026-03-01T10:00:00.100000Z", "2026-02-29T00:00:00Z",
          "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:00:00+00:00", "2026-03-01 10:00:00Z"}) {
        assertThat(DateTimeTransform.isCanonical(other)).as(other).isFalse();
      }
      Transform t = transform("datetime", null);
      assertThat(read(t, "2026-03-01T10:00:00.000Z")).isEqualTo("2026-03-01T10:00:00Z");
      assertThat(read(t, "2026-03-01T10:00:00.100000Z")).isEqualTo("2026-03-01T10:00:00.100Z");
      assertThat(read(t, "2026-02-29T00:00:00Z")).isNull();
      assertThat(DateTimeTransform.canonical("2026-03-01T10:00:00.000Z")).isEqualTo("2026-03-01T10:00:00Z");
      assertThat(DateTimeTransform.canonical("2026-03-01T10:00:00.120000000Z")).isEqualTo("2026-03-01T10:00:00.120Z");
      assertThat(DateTimeTransform.canonical("2026-03-01T10:00:00.000000100Z")).isEqualTo("2026-03-01T10:00:00.000000100Z");
      assertThat(DateTimeTransform.canonical("2026-03-01T10:00:00.0a0Z")).isNull();
      for (String zeros : new String[] {"2026-03-01T10:00:00.000Z", "2026-03-01T10:00:00.500000Z", "2026-03-01T10:00:00.000001000Z"}) {
        assertThat(DateTimeTransform.canonical(zeros)).as(zeros).isEqualTo(java.time.Instant.parse(zeros).toString());
      }
    }

    @Test
    @DisplayName("writes ISO Z by default, or with +00:00, epoch millis/seconds or a date")
    void writes() {
      assertThat(transform("datetime", null).toProvider("2026-05-14T12:51:40+03:00")).isEqualTo("2026-05-14T09:51:40Z");
      assertThat(transform("datetime", "{\"format\":\"offset\"}").toProvider("2026-05-14T09:51:40Z"))
          .isEqualTo("2026-05-14T09:51:40Z".replace("Z", "+00:00"));
      assertThat(transform("datetime", "{\"format\":\"epoch_millis\"}").toProvider("2026-02-25T16:26:25.880Z"))
          .isEqualTo(1772036785880L);
      assertThat(transform("datetime", "{\"format\":\"epoch_seconds\"}").toProvider("2026-02-25T16:26:25Z"))
          .isEqualTo(1772036785L);
      assertThat(transform("datetime", "{\"format\":\"date\"}").toProvider("2026-02-25T16:26:25Z")).isEqualTo("2026-02-25");
      assertThatThrownBy(() -> transform("datetime", "{\"format\":\"rfc822\"}")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("epoch_millis / epoch_seconds")
  class Epoch {
    @Test
    @DisplayName("reads epoch numbers and numeric strings as UTC ISO date-times")
    void reads() {
      assertThat(read(transform("epoch_millis", null), 1772036785880L)).isEqualTo("2026-02-25T16:26:25.880Z");
      assertThat(read(transform("epoch_millis", null), "1772036785880")).isEqualTo("2026-02-25T16:26:25.880Z");
      assertThat(read(transform("epoch_seconds", null), 1772036785)).isEqualTo("2026-02-25T16:26:25Z");
      assertThat(read(transform("epoch_seconds", null), "1772036785")).isEqualTo("2026-02-25T16:26:25Z");
    }

    @Test
    @DisplayName("writes ISO date-times as epoch numbers, or their text")
    void writes() {
      assertThat(transform("epoch_millis", null).toProvider("2026-02-25T16:26:25.880Z")).isEqualTo(1772036785880L);
      assertThat(transform("epoch_seconds", null).toProvider("2026-02-25T17:26:25+01:00")).isEqualTo(1772036785L);
      assertThat(transform("epoch_seconds", "{\"as\":\"string\"}").toProvider("2026-02-25T16:26:25Z")).isEqualTo("1772036785");
    }
  }

  @Nested
  @DisplayName("enum")
  class Enum {
    private final Transform status = transform("enum", "{\"map\":{\"COMPLETED\":\"COMPLETED\",\"OPEN\":\"NOT_STARTED\"},\"default\":\"OPEN\"}");

    @Test
    @DisplayName("maps unified values to provider values on write")
    void writes() {
      assertThat(status.toProvider("OPEN")).isEqualTo("NOT_STARTED");
      assertThat(status.toProvider("COMPLETED")).isEqualTo("COMPLETED");
      assertThat(status.toProvider("WAITING")).isEqualTo("WAITING");
    }

    @Test
    @DisplayName("reads in reverse, ignoring case, and unknown provider values as the documented default")
    void reads() {
      assertThat(read(status, "NOT_STARTED")).isEqualTo("OPEN");
      assertThat(read(status, "completed")).isEqualTo("COMPLETED");
      assertThat(read(status, "IN_PROGRESS")).isEqualTo("OPEN");
    }

    @Test
    @DisplayName("reads unknown provider values as null when there is no default, and maps non-string provider values")
    void readsWithoutDefault() {
      Transform done = transform("enum", "{\"map\":{\"COMPLETED\":true,\"OPEN\":false}}");
      assertThat(read(done, true)).isEqualTo("COMPLETED");
      assertThat(done.toProvider("OPEN")).isEqualTo(false);
      assertThat(read(transform("enum", "{\"map\":{\"HIGH\":\"HIGH\"}}"), "NONE")).isNull();
    }

    @Test
    @DisplayName("needs a map")
    void needsMap() {
      assertThatThrownBy(() -> transform("enum", null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> transform("enum", "{\"map\":{\"A\":{}}}")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("reference")
  class Reference {
    @Test
    @DisplayName("reads {id:…} objects, numbers and strings as a string id")
    void reads() {
      Transform t = transform("reference", null);
      assertThat(read(t, new JsonObject().put("name", "Acme").put("id", "4150868000000224005"))).isEqualTo("4150868000000224005");
      assertThat(read(t, Map.of("id", 7))).isEqualTo("7");
      assertThat(read(t, 25760681)).isEqualTo("25760681");
      assertThat(read(t, "abc")).isEqualTo("abc");
      assertThat(read(transform("reference", "{\"idMember\":\"value\"}"), Map.of("value", 1, "name", "Acme"))).isEqualTo("1");
    }

    @Test
    @DisplayName("writes {id:…} by default, or the bare id, as a number when asked")
    void writes() {
      assertThat(transform("reference", null).toProvider("42")).isEqualTo(Map.of("id", "42"));
      assertThat(transform("reference", "{\"object\":false}").toProvider("42")).isEqualTo("42");
      assertThat(transform("reference", "{\"object\":false,\"numeric\":true}").toProvider("42")).isEqualTo(42L);
    }

    @Test
    @DisplayName("fills a reference list from one linked record, and writes its first id back as that one reference")
    void singleReferenceAsList() {
      Transform t = Transform.named("reference", new JsonObject("{\"object\":false,\"numeric\":true}"),
          UnifiedSchema.fields(Resource.DEAL).get("contacts"));
      assertThat(read(t, 7)).isEqualTo(new JsonArray().add("7"));
      assertThat(t.toProvider(new JsonArray().add("7").add("8"))).isEqualTo(7L);
      assertThat(t.toProvider(new JsonArray())).isNull();
    }

    @Test
    @DisplayName("with options.list reads and writes a provider list of linked records")
    void listOfReferences() {
      Transform t = Transform.named("reference", new JsonObject("{\"idMember\":\"person_id\",\"numeric\":true,\"list\":true}"),
          UnifiedSchema.fields(Resource.MEETING).get("contacts"));
      JsonArray participants = new JsonArray().add(new JsonObject().put("person_id", 3).put("primary", true))
          .add(new JsonObject().put("person_id", 5).put("primary", false));
      assertThat(read(t, participants)).isEqualTo(new JsonArray().add("3").add("5"));
      assertThat(t.toProvider(new JsonArray().add("3").add("5")))
          .isEqualTo(java.util.List.of(Map.of("person_id", 3L), Map.of("person_id", 5L)));
      assertThatThrownBy(() -> Transform.named("reference", new JsonObject("{\"list\":true}"),
          UnifiedSchema.fields(Resource.DEAL).get("account"))).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("association")
  class Association {
    private final JsonObject linked = new JsonObject().put("results", new JsonArray()
        .add(new JsonObject().put("id", "11").put("type", "deal_to_contact"))
        .add(new JsonObject().put("id", "12").put("type", "deal_to_contact"))
        .add(new JsonObject().put("id", "11").put("type", "deal_to_contact_unlabeled")));

    @Test
    @DisplayName("reads the first linked id for a reference and every distinct one for a reference list")
    void reads() {
      Transform one = Transform.named("association", null, UnifiedSchema.fields(Resource.DEAL).get("account"));
      Transform many = Transform.named("association", null, UnifiedSchema.fields(Resource.DEAL).get("contacts"));
      assertThat(one.toUnified(linked, NO_RECORD)).isEqualTo("11");
      assertThat(many.toUnified(linked, NO_RECORD)).isEqualTo(new JsonArray().add("11").add("12"));
      assertThat(many.toUnified(new JsonArray().add(new JsonObject().put("toObjectId", 5)), NO_RECORD))
          .isEqualTo(new JsonArray().add("5"));
      assertThat(one.toUnified(new JsonObject().put("results", new JsonArray()), NO_RECORD)).isNull();
    }

    @Test
    @DisplayName("writes a list of ids for a single id or a list")
    void writes() {
      Transform t = Transform.named("association", null, null);
      assertThat(t.toProvider("9")).isEqualTo(new JsonArray().add("9"));
      assertThat(t.toProvider(new JsonArray().add("9").add(10).add("9"))).isEqualTo(new JsonArray().add("9").add("10"));
    }

    @Test
    @DisplayName("only fills reference fields")
    void onlyReferences() {
      assertThatThrownBy(() -> Transform.named("association", null, UnifiedSchema.fields(Resource.DEAL).get("name")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("object_list")
  class ObjectList {
    private final Transform pipedriveEmails = Transform.named("object_list",
        new JsonObject("{\"members\":{\"value\":\"email_address\",\"label\":\"email_address_type\"}}"),
        UnifiedSchema.fields(Resource.CONTACT).get("email_addresses"));

    @Test
    @DisplayName("renames members of each element, dropping the ones not named (Pipedrive emails)")
    void renames() {
      JsonArray emails = new JsonArray()
          .add(new JsonObject().put("value", "jane@acme.com").put("primary", true).put("label", "work"))
          .add(new JsonObject().put("value", "jane@home.org").put("primary", false).put("label", "home"));
      assertThat(pipedriveEmails.toUnified(emails, NO_RECORD)).isEqualTo(new JsonArray()
          .add(new JsonObject().put("email_address", "jane@acme.com").put("email_address_type", "work"))
          .add(new JsonObject().put("email_address", "jane@home.org").put("email_address_type", "home")));
    }

    @Test
    @DisplayName("renames back on write")
    void writesBack() {
      Object provider = pipedriveEmails.toProvider(new JsonArray()
          .add(new JsonObject().put("email_address", "jane@acme.com").put("email_address_type", "work")));
      assertThat(new JsonArray((java.util.List<?>) provider))
          .isEqualTo(new JsonArray().add(new JsonObject().put("value", "jane@acme.com").put("label", "work")));
    }

    @Test
    @DisplayName("applies member transforms and nested paths (HubSpot pipeline stages)")
    void memberItems() {
      Transform stages = Transform.named("object_list", new JsonObject().put("members", new JsonArray()
          .add(new JsonObject().put("unifiedField", "id").put("providerField", "id"))
          .add(new JsonObject().put("unifiedField", "order").put("providerField", "displayOrder").put("transform", "integer"))
          .add(new JsonObject().put("unifiedField", "probability").put("providerField", "metadata.probability")
              .put("transform", "number").put("options", new JsonObject().put("scale", 100)))
          .add(new JsonObject().put("unifiedField", "is_closed").put("providerField", "metadata.isClosed")
              .put("transform", "boolean"))), UnifiedSchema.fields(Resource.PIPELINE).get("stages"));
      JsonArray hubspot = new JsonArray().add(new JsonObject().put("id", "closedwon").put("displayOrder", 5)
          .put("metadata", new JsonObject().put("isClosed", "true").put("probability", "1.0")));
      assertThat(stages.toUnified(hubspot, NO_RECORD)).isEqualTo(new JsonArray().add(new JsonObject()
          .put("id", "closedwon").put("order", 5L).put("probability", 100L).put("is_closed", true)));
    }

    @Test
    @DisplayName("refuses members the unified list does not have")
    void refusesUnknownMembers() {
      assertThatThrownBy(() -> Transform.named("object_list", new JsonObject("{\"members\":{\"value\":\"mail\"}}"),
          UnifiedSchema.fields(Resource.CONTACT).get("email_addresses"))).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @DisplayName("join reads several provider fields as one text, skipping empty parts")
  void join() {
    Transform t = transform("join", "{\"append\":[\"lastName\"]}");
    assertThat(t.toUnified("Ada", Map.of("firstName", "Ada", "lastName", "Lovelace"))).isEqualTo("Ada Lovelace");
    assertThat(t.toUnified(null, Map.of("lastName", "Lovelace"))).isEqualTo("Lovelace");
    assertThat(t.toUnified(null, Map.of())).isNull();
    assertThat(t.writable()).isFalse();
  }

  @Test
  @DisplayName("constant reads its value whatever the provider sent")
  void constant() {
    Transform t = transform("constant", "{\"value\":\"CALL\"}");
    assertThat(t.toUnified(null, NO_RECORD)).isEqualTo("CALL");
    assertThat(t.writable()).isFalse();
  }

  @Test
  @DisplayName("raw keeps nested values as JSON")
  void raw() {
    assertThat(read(transform("raw", null), Map.of("a", 1))).isEqualTo(new JsonObject().put("a", 1));
  }

  @Test
  @DisplayName("an unknown transform name is refused")
  void unknown() {
    assertThatThrownBy(() -> transform("uppercase", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uppercase");
  }
}
