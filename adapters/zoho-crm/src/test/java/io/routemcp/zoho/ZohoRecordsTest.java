package io.routemcp.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every record resource × list, get, create, update, replace and delete, against the simulated Zoho. */
class ZohoRecordsTest extends ZohoContract {

  private String accountId;
  private String contactId;
  private String dealId;

  @BeforeEach
  void existingRecords() {
    accountId = firstId(Resource.COMPANY);
    contactId = firstId(Resource.CONTACT);
    dealId = firstId(Resource.DEAL);
  }

  private String firstId(Resource resource) {
    return await(page(resource, 1, null, null)).records().getJsonObject(0).getString("id");
  }

  /** The outcome of one record's whole life through the adapter. */
  private record Lifecycle(JsonObject created, JsonObject got, List<String> listedIds, JsonObject updated,
      JsonObject replaced, ApiException afterDelete, JsonObject stored) {}

  private Lifecycle lifecycle(Resource resource, JsonObject create, JsonObject patch, JsonObject replace) {
    JsonObject created = await(create(resource, create));
    String id = created.getString("id");
    JsonObject got = await(get(resource, id));
    List<String> listed = await(all(resource, 200, null, new ArrayList<>())).stream().map(r -> r.getString("id")).toList();
    JsonObject updated = await(update(resource, id, patch));
    JsonObject replaced = await(send(request(Operation.REPLACE, resource, id, replace))).record();
    JsonObject stored = zoho.record(moduleOf(resource), id);
    ProviderReply deleted = await(send(request(Operation.DELETE, resource, id, null)));
    assertThat(deleted.record()).isNull();
    ApiException afterDelete = failure(send(request(Operation.GET, resource, id, null)));
    return new Lifecycle(created, got, listed, updated, replaced, afterDelete, stored);
  }

  private static String moduleOf(Resource resource) {
    return switch (resource) {
      case CONTACT -> "Contacts";
      case LEAD -> "Leads";
      case DEAL -> "Deals";
      case COMPANY -> "Accounts";
      case NOTE -> "Notes";
      case TASK -> "Tasks";
      case MEETING -> "Events";
      case ACTIVITY -> "Calls";
      default -> throw new IllegalArgumentException(resource.wireName());
    };
  }

  private void verifyLifecycle(VertxTestContext ctx, Resource resource, Lifecycle life, Consumer<Lifecycle> checks) {
    ctx.verify(() -> {
      assertCarriesConnection(life.created(), connectionId);
      assertThat(life.got()).isEqualTo(life.created());
      assertThat(life.listedIds()).contains(life.created().getString("id"));
      assertThat(life.afterDelete().code()).isEqualTo(resource.notFoundCode());
      assertThat(zoho.record(moduleOf(resource), life.created().getString("id"))).as("gone at Zoho").isNull();
      checks.accept(life);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("contact: creates with account, emails, phones and mailing address, patches, replaces (clearing the rest) and deletes")
  void contact(VertxTestContext ctx) {
    Lifecycle life = lifecycle(Resource.CONTACT,
        new JsonObject().put("first_name", "Ada").put("last_name", "Lovelace").put("title", "Engineer")
            .put("account", accountId)
            .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "ada@example.com")
                .put("email_address_type", "Work")))
            .put("phone_numbers", new JsonArray().add(new JsonObject().put("phone_number", "+44 20 7946 0000")
                .put("phone_number_type", "Mobile")))
            .put("addresses", new JsonArray().add(new JsonObject().put("street_1", "1 Main St").put("city", "London")
                .put("country", "United Kingdom").put("address_type", "Mailing"))),
        new JsonObject().put("title", "CTO"),
        new JsonObject().put("last_name", "Byron"));
    verifyLifecycle(ctx, Resource.CONTACT, life, l -> {
      JsonObject c = l.created();
      assertThat(c.getString("first_name")).isEqualTo("Ada");
      assertThat(c.getString("account")).isEqualTo(accountId);
      assertThat(c.getString("owner")).as("Zoho fills the owner").isNotNull();
      assertThat(c.getJsonArray("email_addresses").getJsonObject(0).getString("email_address")).isEqualTo("ada@example.com");
      assertThat(c.getJsonArray("phone_numbers")).containsExactly(new JsonObject().put("phone_number_type", "Mobile")
          .put("phone_number", "+44 20 7946 0000"));
      assertThat(c.getJsonArray("addresses").getJsonObject(0).getString("city")).isEqualTo("London");
      assertThat(c.getJsonArray("addresses").getJsonObject(0).getString("address_type")).isEqualTo("Mailing");
      assertThat(c.getString("created_at")).endsWith("Z");
      assertThat(l.updated().getString("title")).isEqualTo("CTO");
      assertThat(l.updated().getString("first_name")).as("a patch leaves the rest").isEqualTo("Ada");
      assertThat(l.replaced().getString("last_name")).isEqualTo("Byron");
      assertThat(l.replaced().getValue("first_name")).as("a replace clears what it leaves out").isNull();
      assertThat(l.replaced().getValue("account")).isNull();
      assertThat(l.stored().getValue("Email")).isNull();
    });
  }

  @Test
  @DisplayName("lead: creates with company, status and source, patches the status, replaces and deletes")
  void lead(VertxTestContext ctx) {
    Lifecycle life = lifecycle(Resource.LEAD,
        new JsonObject().put("first_name", "Alan").put("last_name", "Turing").put("company", "Bletchley")
            .put("status", "Contacted").put("lead_source", "Cold Call").put("title", "Cryptanalyst"),
        new JsonObject().put("status", "Pre-Qualified"),
        new JsonObject().put("last_name", "Hopper").put("company", "Navy"));
    verifyLifecycle(ctx, Resource.LEAD, life, l -> {
      assertThat(l.created().getString("company")).isEqualTo("Bletchley");
      assertThat(l.created().getString("status")).isEqualTo("Contacted");
      assertThat(l.created().getString("title")).isEqualTo("Cryptanalyst");
      assertThat(l.updated().getString("status")).isEqualTo("Pre-Qualified");
      assertThat(l.replaced().getString("company")).isEqualTo("Navy");
      assertThat(l.replaced().getValue("first_name")).isNull();
    });
  }

  @Test
  @DisplayName("deal: creates in the default pipeline with account and contact, moves to Closed Won, replaces and deletes")
  void deal(VertxTestContext ctx) {
    Lifecycle life = lifecycle(Resource.DEAL,
        new JsonObject().put("name", "Big deal").put("amount", 5000.5).put("stage", "Qualification")
            .put("close_date", "2026-12-31").put("account", accountId).put("contacts", new JsonArray().add(contactId)),
        new JsonObject().put("stage", "Closed Won"),
        new JsonObject().put("name", "Renamed").put("stage", "Negotiation/Review"));
    verifyLifecycle(ctx, Resource.DEAL, life, l -> {
      JsonObject d = l.created();
      assertThat(d.getString("pipeline")).isEqualTo("Standard");
      assertThat(d.getString("status")).isEqualTo("OPEN");
      assertThat(d.getValue("amount")).isEqualTo(new BigDecimal("5000.5"));
      assertThat(d.getLong("probability")).as("Zoho sets it from the stage").isEqualTo(10L);
      assertThat(d.getString("close_date")).isEqualTo("2026-12-31");
      assertThat(d.getString("account")).isEqualTo(accountId);
      assertThat(d.getJsonArray("contacts")).containsExactly(contactId);
      assertThat(d.getString("currency")).isEqualTo("USD");
      assertThat(l.updated().getString("status")).isEqualTo("WON");
      assertThat(l.updated().getLong("probability")).isEqualTo(100L);
      assertThat(l.replaced().getString("name")).isEqualTo("Renamed");
      assertThat(l.replaced().getValue("account")).isNull();
      assertThat(l.replaced().getJsonArray("contacts")).isEmpty();
      assertThat(l.replaced().getValue("amount")).isNull();
    });
  }

  @Test
  @DisplayName("company: creates with industry, employees and billing address, patches, replaces and deletes")
  void company(VertxTestContext ctx) {
    Lifecycle life = lifecycle(Resource.COMPANY,
        new JsonObject().put("name", "Acme").put("industry", "Technology").put("website", "https://acme.example")
            .put("number_of_employees", 42)
            .put("addresses", new JsonArray().add(new JsonObject().put("street_1", "5 Road").put("city", "Paris")
                .put("address_type", "Billing"))),
        new JsonObject().put("website", "https://acme.example/new"),
        new JsonObject().put("name", "Acme 2"));
    verifyLifecycle(ctx, Resource.COMPANY, life, l -> {
      assertThat(l.created().getLong("number_of_employees")).isEqualTo(42L);
      assertThat(l.created().getJsonArray("addresses")).containsExactly(new JsonObject().put("address_type", "Billing")
          .put("street_1", "5 Road").put("city", "Paris"));
      assertThat(l.updated().getString("website")).isEqualTo("https://acme.example/new");
      assertThat(l.replaced().getValue("industry")).isNull();
      assertThat(l.replaced().getString("name")).isEqualTo("Acme 2");
    });
  }

  @Test
  @DisplayName("note: creates on a contact (v8 Parent_Id), patches the content, replaces onto a deal and deletes")
  void note(VertxTestContext ctx) {
    Lifecycle life = lifecycle(Resource.NOTE,
        new JsonObject().put("content", "Hello").put("contact", contactId),
        new JsonObject().put("content", "Bye"),
        new JsonObject().put("content", "Moved").put("deal", dealId));
    verifyLifecycle(ctx, Resource.NOTE, life, l -> {
      assertThat(l.created().getString("contact")).isEqualTo(contactId);
      assertThat(l.created().getValue("deal")).isNull();
      assertThat(l.updated().getString("content")).isEqualTo("Bye");
      assertThat(l.updated().getString("contact")).isEqualTo(contactId);
      assertThat(l.replaced().getString("deal")).isEqualTo(dealId);
      assertThat(l.replaced().getValue("contact")).isNull();
      assertThat(l.stored().getJsonObject("Parent_Id").getJsonObject("module").getString("api_name")).isEqualTo("Deals");
    });
  }

  @Test
  @DisplayName("task: creates on a deal (What_Id + $se_module) with priority and due date, completes, replaces onto an account")
  void task(VertxTestContext ctx) {
    Lifecycle life = lifecycle(Resource.TASK,
        new JsonObject().put("subject", "Call back").put("priority", "HIGH").put("status", "OPEN")
            .put("due_date", "2026-12-31T00:00:00Z").put("deal", dealId).put("contact", contactId),
        new JsonObject().put("status", "COMPLETED"),
        new JsonObject().put("subject", "Other").put("account", accountId));
    verifyLifecycle(ctx, Resource.TASK, life, l -> {
      JsonObject t = l.created();
      assertThat(t.getString("priority")).isEqualTo("HIGH");
      assertThat(t.getString("status")).isEqualTo("OPEN");
      assertThat(t.getString("due_date")).isEqualTo("2026-12-31T00:00:00Z");
      assertThat(t.getString("deal")).isEqualTo(dealId);
      assertThat(t.getValue("account")).isNull();
      assertThat(t.getString("contact")).isEqualTo(contactId);
      assertThat(l.updated().getString("status")).isEqualTo("COMPLETED");
      assertThat(l.updated().getString("completed_at")).isNotNull();
      assertThat(l.replaced().getString("account")).isEqualTo(accountId);
      assertThat(l.replaced().getValue("deal")).isNull();
      assertThat(l.replaced().getValue("contact")).isNull();
      assertThat(l.stored().getString("$se_module")).isEqualTo("Accounts");
      assertThat(l.stored().getString("Priority")).as("a replace clears the priority to Zoho's default").isEqualTo("Normal");
    });
  }

  @Test
  @DisplayName("meeting: creates with an attendee and a contact, patches the venue, replaces and deletes")
  void meeting(VertxTestContext ctx) {
    Lifecycle life = lifecycle(Resource.MEETING,
        new JsonObject().put("title", "Demo").put("start_time", "2026-06-01T10:00:00Z").put("end_time", "2026-06-01T11:00:00Z")
            .put("location", "Zoom").put("attendees", new JsonArray().add(new JsonObject().put("email", "guest@example.net")))
            .put("contacts", new JsonArray().add(contactId)),
        new JsonObject().put("location", "Head office"),
        new JsonObject().put("title", "Demo 2").put("start_time", "2026-06-02T10:00:00Z").put("end_time", "2026-06-02T10:30:00Z"));
    verifyLifecycle(ctx, Resource.MEETING, life, l -> {
      JsonObject m = l.created();
      assertThat(m.getString("start_time")).isEqualTo("2026-06-01T10:00:00Z");
      assertThat(m.getString("end_time")).isEqualTo("2026-06-01T11:00:00Z");
      assertThat(m.getJsonArray("attendees")).extracting(a -> ((JsonObject) a).getString("email")).containsExactly("guest@example.net");
      assertThat(m.getJsonArray("contacts")).containsExactly(contactId);
      assertThat(l.updated().getString("location")).isEqualTo("Head office");
      assertThat(l.replaced().getValue("location")).isNull();
      assertThat(l.replaced().getJsonArray("attendees")).isEmpty();
      assertThat(l.replaced().getString("start_time")).isEqualTo("2026-06-02T10:00:00Z");
    });
  }

  @Test
  @DisplayName("activity: creates a call (type CALL, direction, start) on a contact and account, patches, replaces and deletes")
  void activity(VertxTestContext ctx) {
    Lifecycle life = lifecycle(Resource.ACTIVITY,
        new JsonObject().put("subject", "Intro").put("direction", "OUTBOUND").put("start_time", "2026-05-01T09:30:00Z")
            .put("contact", contactId).put("account", accountId),
        new JsonObject().put("content", "Talked pricing"),
        new JsonObject().put("subject", "Callback").put("direction", "INBOUND").put("start_time", "2026-05-02T09:30:00Z"));
    verifyLifecycle(ctx, Resource.ACTIVITY, life, l -> {
      JsonObject a = l.created();
      assertThat(a.getString("type")).isEqualTo("CALL");
      assertThat(a.getString("direction")).isEqualTo("OUTBOUND");
      assertThat(a.getString("start_time")).isEqualTo("2026-05-01T09:30:00Z");
      assertThat(a.getString("account")).isEqualTo(accountId);
      assertThat(l.updated().getString("content")).isEqualTo("Talked pricing");
      assertThat(l.replaced().getString("direction")).isEqualTo("INBOUND");
      assertThat(l.replaced().getValue("account")).isNull();
      assertThat(l.stored().getString("Call_Type")).isEqualTo("Inbound");
    });
  }

  @Test
  @DisplayName("owners: lists users across pages, active and deactivated, and gets one")
  void owners(VertxTestContext ctx) {
    List<String> cursors = new ArrayList<>();
    List<JsonObject> owners = await(all(Resource.OWNER, 2, null, cursors));
    JsonObject one = await(get(Resource.OWNER, owners.get(1).getString("id")));
    ctx.verify(() -> {
      assertThat(owners).hasSize(4);
      assertThat(cursors).hasSize(2).last().isNull();
      owners.forEach(record -> assertCarriesConnection(record, connectionId));
      assertThat(owners).filteredOn(o -> Boolean.TRUE.equals(o.getBoolean("is_active"))).hasSize(3);
      assertThat(owners).filteredOn(o -> Boolean.FALSE.equals(o.getBoolean("is_active"))).hasSize(1);
      assertThat(owners.get(0).getString("name")).isEqualTo("Patricia Boyle");
      assertThat(owners.get(0).getString("email")).contains("@");
      assertThat(one).isEqualTo(owners.get(1));
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("pipelines: lists every Deals layout's pipelines with ordered stages that say whether they are closed and won")
  void pipelines(VertxTestContext ctx) {
    simulator.resetCounts();
    ProviderReply reply = await(page(Resource.PIPELINE, 25, null, null));
    List<JsonObject> pipelines = reply.records().stream().map(JsonObject.class::cast).toList();
    JsonObject partner = await(get(Resource.PIPELINE, pipelines.get(2).getString("id")));
    ctx.verify(() -> {
      assertThat(reply.nextCursor()).isNull();
      assertThat(pipelines).extracting(p -> p.getString("name")).containsExactly("Standard", "Renewals", "Partner Sales");
      JsonArray stages = pipelines.get(0).getJsonArray("stages");
      assertThat(stages.getJsonObject(0)).isEqualTo(new JsonObject().put("id", stages.getJsonObject(0).getString("id"))
          .put("name", "Qualification").put("order", 1).put("is_closed", false).put("is_won", false));
      JsonObject won = stages.stream().map(JsonObject.class::cast).filter(s -> s.getString("name").equals("Closed Won"))
          .findFirst().orElseThrow();
      assertThat(won.getBoolean("is_closed")).isTrue();
      assertThat(won.getBoolean("is_won")).isTrue();
      JsonObject lost = stages.stream().map(JsonObject.class::cast)
          .filter(s -> s.getString("name").equals("Closed Lost to Competition")).findFirst().orElseThrow();
      assertThat(lost.getBoolean("is_closed")).isTrue();
      assertThat(lost.getBoolean("is_won")).isFalse();
      assertThat(partner.getString("name")).isEqualTo("Partner Sales");
      assertThat(simulator.requestCount("GET", "/api/us/crm/v8/settings/pipeline")).as("one call per layout per read")
          .isEqualTo(2 * 2);
    });
    ctx.completeNow();
  }
}
