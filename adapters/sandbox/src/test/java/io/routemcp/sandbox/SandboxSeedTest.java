package io.routemcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.resource.Resource;
import io.routemcp.kit.schema.UnifiedSchema;
import io.routemcp.sandbox.SandboxSeed.Row;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxSeedTest {

  private static Map<Resource, Map<String, JsonObject>> byResource(List<Row> rows) {
    Map<Resource, Map<String, JsonObject>> map = new EnumMap<>(Resource.class);
    for (Row row : rows) {
      map.computeIfAbsent(row.resource(), r -> new LinkedHashMap<>()).put(row.id(), row.data());
    }
    return map;
  }

  @Test
  @DisplayName("an end user gets a full CRM: at least the promised number of records of every resource")
  void counts() {
    Map<Resource, Map<String, JsonObject>> seed = byResource(SandboxSeed.generate("user-123"));
    assertThat(seed.get(Resource.CONTACT)).hasSizeGreaterThanOrEqualTo(72);
    assertThat(seed.get(Resource.COMPANY)).hasSizeGreaterThanOrEqualTo(20);
    assertThat(seed.get(Resource.DEAL)).hasSizeGreaterThanOrEqualTo(30);
    assertThat(seed.get(Resource.LEAD)).hasSizeGreaterThanOrEqualTo(40);
    assertThat(seed.get(Resource.NOTE)).hasSizeGreaterThanOrEqualTo(50);
    assertThat(seed.get(Resource.TASK)).hasSizeGreaterThanOrEqualTo(40);
    assertThat(seed.get(Resource.MEETING)).hasSizeGreaterThanOrEqualTo(20);
    assertThat(seed.get(Resource.ACTIVITY)).hasSizeGreaterThanOrEqualTo(40);
    assertThat(seed.get(Resource.APPOINTMENT)).hasSizeGreaterThanOrEqualTo(15);
    assertThat(seed.get(Resource.OWNER)).hasSize(5);
    assertThat(seed.get(Resource.PIPELINE)).hasSize(2);
    seed.get(Resource.PIPELINE).values()
        .forEach(p -> assertThat(p.getJsonArray("stages").size()).isBetween(5, 7));
  }

  @Test
  @DisplayName("seeded ids are readable and zero-padded, numbered from 001 in list order")
  void readableIds() {
    Map<Resource, Map<String, JsonObject>> seed = byResource(SandboxSeed.generate("user-123"));
    seed.forEach((resource, records) -> {
      int n = 1;
      for (String id : records.keySet()) {
        assertThat(id).isEqualTo(String.format("%s-%03d", resource.wireName(), n++));
      }
    });
    assertThat(seed.get(Resource.CONTACT)).containsKeys("contact-001", "contact-072");
    JsonArray stages = seed.get(Resource.PIPELINE).get("pipeline-001").getJsonArray("stages");
    assertThat(stages.getJsonObject(2).getString("id")).isEqualTo("stage-001-3");
    assertThat(stages.getJsonObject(2).getInteger("order")).isEqualTo(3);
  }

  @Test
  @DisplayName("the same end user always gets identical data; other end users get different data")
  void deterministic() {
    List<Row> first = SandboxSeed.generate("user-123");
    List<Row> again = SandboxSeed.generate("user-123");
    assertThat(again).isEqualTo(first);
    List<Row> other = SandboxSeed.generate("user-456");
    assertThat(contactNames(other)).isNotEqualTo(contactNames(first));
  }

  private static List<String> contactNames(List<Row> rows) {
    return rows.stream().filter(r -> r.resource() == Resource.CONTACT)
        .map(r -> r.data().getString("first_name") + " " + r.data().getString("last_name")).toList();
  }

  @ParameterizedTest(name = "end user {0}")
  @ValueSource(strings = {"user-123", "customer_42", "9f1c2b7e-0d4e-4c55-a1b2-3c4d5e6f7a8b", "ünïcødé"})
  @DisplayName("every seeded record is a valid write body of its resource under the unified schema")
  void validAgainstSchema(String endUser) {
    for (Row row : SandboxSeed.generate(endUser)) {
      assertThat(UnifiedSchema.validate(row.resource(), row.data())).as(row.id()).isEmpty();
      assertThat(row.data().fieldNames()).as(row.id()).isSubsetOf(UnifiedSchema.fields(row.resource()).keySet());
      assertThat(row.data().getJsonObject("custom_fields")).as(row.id()).isNotNull();
    }
  }

  @ParameterizedTest(name = "end user {0}")
  @ValueSource(strings = {"user-123", "user-456", "acme-7"})
  @DisplayName("timestamps are fixed from the base date: never after it, updated never before created, people and deals after their company")
  void timestamps(String endUser) {
    List<Row> rows = SandboxSeed.generate(endUser);
    Map<String, Instant> companyCreated = rows.stream().filter(r -> r.resource() == Resource.COMPANY)
        .collect(Collectors.toMap(Row::id, Row::createdAt));
    for (Row row : rows) {
      assertThat(row.createdAt()).as(row.id()).isBeforeOrEqualTo(SandboxSeed.BASE);
      assertThat(row.updatedAt()).as(row.id()).isBeforeOrEqualTo(SandboxSeed.BASE).isAfterOrEqualTo(row.createdAt());
      if (row.resource() == Resource.CONTACT || row.resource() == Resource.DEAL) {
        assertThat(row.createdAt()).as(row.id() + " after its company").isAfterOrEqualTo(companyCreated.get(row.data().getString("account")));
      }
    }
  }

  @ParameterizedTest(name = "end user {0}")
  @ValueSource(strings = {"user-123", "user-456", "acme-7", "x"})
  @DisplayName("every link points at a seeded record: deals, contacts, notes, tasks, meetings, appointments, activities, leads")
  void linked(String endUser) {
    Map<Resource, Map<String, JsonObject>> seed = byResource(SandboxSeed.generate(endUser));
    Set<String> companies = seed.get(Resource.COMPANY).keySet();
    Set<String> contacts = seed.get(Resource.CONTACT).keySet();
    Set<String> deals = seed.get(Resource.DEAL).keySet();
    Set<String> owners = seed.get(Resource.OWNER).keySet();
    Map<String, Set<String>> stagesByPipeline = seed.get(Resource.PIPELINE).entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey,
        e -> e.getValue().getJsonArray("stages").stream().map(s -> ((JsonObject) s).getString("id")).collect(Collectors.toSet())));

    seed.get(Resource.CONTACT).values().forEach(c -> {
      assertThat(companies).contains(c.getString("account"));
      assertThat(owners).contains(c.getString("owner"));
    });
    seed.get(Resource.COMPANY).values().forEach(c -> assertThat(owners).contains(c.getString("owner")));
    seed.get(Resource.DEAL).values().forEach(d -> {
      assertThat(companies).contains(d.getString("account"));
      assertThat(d.getJsonArray("contacts").size()).isBetween(1, 3);
      d.getJsonArray("contacts").forEach(id -> {
        assertThat(contacts).contains((String) id);
        // a deal's people work at the deal's company
        assertThat(seed.get(Resource.CONTACT).get((String) id).getString("account")).isEqualTo(d.getString("account"));
      });
      assertThat(stagesByPipeline.get(d.getString("pipeline"))).contains(d.getString("stage"));
      assertThat(owners).contains(d.getString("owner"));
      assertThat(d.getNumber("amount").doubleValue()).isPositive();
    });
    for (Resource r : List.of(Resource.NOTE, Resource.TASK, Resource.ACTIVITY)) {
      seed.get(r).values().forEach(x -> {
        assertThat(contacts).as(r + " contact").contains(x.getString("contact"));
        assertThat(companies).as(r + " account").contains(x.getString("account"));
        if (x.getString("deal") != null) {
          assertThat(deals).as(r + " deal").contains(x.getString("deal"));
        }
        assertThat(owners).contains(x.getString("owner"));
      });
    }
    assertThat(seed.get(Resource.NOTE).values()).anyMatch(n -> n.getString("deal") != null);
    assertThat(seed.get(Resource.TASK).values()).anyMatch(n -> n.getString("deal") != null);
    seed.get(Resource.MEETING).values().forEach(m -> {
      assertThat(m.getJsonArray("contacts").size()).isPositive();
      m.getJsonArray("contacts").forEach(id -> assertThat(contacts).contains((String) id));
      assertThat(m.getJsonArray("attendees").size()).isEqualTo(m.getJsonArray("contacts").size() + 1);
      assertThat(Instant.parse(m.getString("end_time"))).isAfter(Instant.parse(m.getString("start_time")));
    });
    seed.get(Resource.APPOINTMENT).values().forEach(a -> assertThat(contacts).contains(a.getString("contact")));
    seed.get(Resource.LEAD).values().stream().filter(l -> l.getString("converted_contact") != null).forEach(l -> {
      assertThat(contacts).contains(l.getString("converted_contact"));
      assertThat(seed.get(Resource.CONTACT).get(l.getString("converted_contact")).getString("account"))
          .isEqualTo(l.getString("converted_account"));
    });
    assertThat(seed.get(Resource.LEAD).values()).anyMatch(l -> "Converted".equals(l.getString("status")));
  }

  @Test
  @DisplayName("deal status follows its stage, and every activity type appears")
  void statusesAndTypes() {
    Map<Resource, Map<String, JsonObject>> seed = byResource(SandboxSeed.generate("user-123"));
    Map<String, JsonObject> stages = seed.get(Resource.PIPELINE).values().stream()
        .flatMap(p -> p.getJsonArray("stages").stream().map(JsonObject.class::cast))
        .collect(Collectors.toMap(s -> s.getString("id"), Function.identity()));
    seed.get(Resource.DEAL).values().forEach(d -> {
      JsonObject stage = stages.get(d.getString("stage"));
      String expected = stage.getBoolean("is_won") ? "WON" : stage.getBoolean("is_closed") ? "LOST" : "OPEN";
      assertThat(d.getString("status")).isEqualTo(expected);
    });
    assertThat(seed.get(Resource.ACTIVITY).values().stream().map(a -> a.getString("type")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("CALL", "EMAIL", "MEETING", "TASK", "OTHER");
    seed.get(Resource.TASK).values().forEach(t -> assertThat(t.containsKey("completed_at"))
        .isEqualTo("COMPLETED".equals(t.getString("status"))));
  }

  @Test
  @DisplayName("contacts look real: unique names, emails at their company's domain, fictional 555-01xx phone numbers")
  void realistic() {
    Map<Resource, Map<String, JsonObject>> seed = byResource(SandboxSeed.generate("user-123"));
    Map<String, JsonObject> companies = seed.get(Resource.COMPANY);
    assertThat(contactNames(SandboxSeed.generate("user-123"))).doesNotHaveDuplicates();
    seed.get(Resource.CONTACT).values().forEach(c -> {
      String email = c.getJsonArray("email_addresses").getJsonObject(0).getString("email_address");
      String website = companies.get(c.getString("account")).getString("website");
      assertThat(email).matches("[a-z0-9]+\\.[a-z0-9]+@[a-z0-9]+\\.com");
      assertThat(website).endsWith(email.substring(email.indexOf('@') + 1));
      c.getJsonArray("phone_numbers").forEach(p ->
          assertThat(((JsonObject) p).getString("phone_number")).matches("\\+1 \\(\\d{3}\\) 555-01\\d{2}"));
      assertThat(c.getString("title")).isNotBlank();
    });
    seed.get(Resource.NOTE).values().forEach(n -> assertThat(n.getString("content")).doesNotContain("{").hasSizeGreaterThan(20));
    seed.get(Resource.DEAL).values().forEach(d -> assertThat(d.getString("description")).doesNotContain("{"));
  }
}
