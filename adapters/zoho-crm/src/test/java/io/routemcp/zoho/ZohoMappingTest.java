package io.routemcp.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How Zoho's records read as unified ones: picklists, polymorphic lookups, deal status, remote data. */
class ZohoMappingTest extends ZohoContract {

  @Test
  @DisplayName("a deal's status comes from its stage's forecast type, whatever the stage is called, fetched once per connection")
  void dealStatusFromForecastType(VertxTestContext ctx) {
    simulator.resetCounts();
    JsonObject signed = await(create(Resource.DEAL, new JsonObject().put("name", "Partner win").put("pipeline", "Partner Sales")
        .put("stage", "Contract Signed")));
    JsonObject dark = await(create(Resource.DEAL, new JsonObject().put("name", "Partner loss").put("pipeline", "Partner Sales")
        .put("stage", "Went Dark")));
    List<JsonObject> deals = await(all(Resource.DEAL, 100, null, new ArrayList<>()));
    ctx.verify(() -> {
      assertThat(signed.getString("status")).isEqualTo("WON");
      assertThat(dark.getString("status")).isEqualTo("LOST");
      assertThat(deals).allSatisfy(d -> {
        String stage = d.getString("stage");
        String expected = Set.of("Closed Won", "Contract Signed").contains(stage) ? "WON"
            : Set.of("Closed Lost", "Closed Lost to Competition", "Went Dark").contains(stage) ? "LOST" : "OPEN";
        assertThat(d.getString("status")).as(stage).isEqualTo(expected);
      });
      assertThat(deals).extracting(d -> d.getString("status")).contains("OPEN", "WON", "LOST");
      assertThat(simulator.requestCount("GET", "/api/us/crm/v8/settings/layouts")).as("cached per connection").isEqualTo(1);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("task priorities and statuses fold Zoho's five values into LOW/MEDIUM/HIGH and OPEN/COMPLETED")
  void taskPicklists(VertxTestContext ctx) {
    List<JsonObject> tasks = new ArrayList<>();
    await(page(Resource.TASK, 100, null, null)).records().forEach(t -> tasks.add((JsonObject) t));
    List<JsonObject> withRemote = new ArrayList<>();
    await(send(request(Operation.LIST, Resource.TASK, null, null, new ProviderRequest.Params(null, 100, null, true),
        connectionId))).records().forEach(t -> withRemote.add((JsonObject) t));
    ctx.verify(() -> {
      assertThat(withRemote).allSatisfy(t -> {
        String priority = t.getJsonObject("remote_data").getString("Priority");
        String status = t.getJsonObject("remote_data").getString("Status");
        assertThat(t.getString("priority")).as(priority).isEqualTo(switch (priority) {
          case "Highest", "High" -> "HIGH";
          case "Lowest", "Low" -> "LOW";
          default -> "MEDIUM";
        });
        assertThat(t.getString("status")).as(status).isEqualTo("Completed".equals(status) ? "COMPLETED" : "OPEN");
      });
      assertThat(withRemote).extracting(t -> t.getJsonObject("remote_data").getString("Priority"))
          .contains("Highest", "Lowest", "Normal");
      assertThat(tasks).allSatisfy(t -> assertThat(t.containsKey("remote_data")).isFalse());
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("What_Id reads as the account or the deal by its $se_module, Who_Id as the contact")
  void activityLinks(VertxTestContext ctx) {
    List<JsonObject> calls = new ArrayList<>();
    await(send(request(Operation.LIST, Resource.ACTIVITY, null, null, new ProviderRequest.Params(null, 100, null, true),
        connectionId))).records().forEach(c -> calls.add((JsonObject) c));
    ctx.verify(() -> {
      assertThat(calls).allSatisfy(c -> {
        JsonObject remote = c.getJsonObject("remote_data");
        JsonObject what = remote.getJsonObject("What_Id");
        String module = remote.getString("$se_module");
        assertThat(c.getString("account")).isEqualTo(what != null && "Accounts".equals(module) ? what.getString("id") : null);
        assertThat(c.getString("deal")).isEqualTo(what != null && "Deals".equals(module) ? what.getString("id") : null);
        JsonObject who = remote.getJsonObject("Who_Id");
        assertThat(c.getString("contact")).isEqualTo(who == null ? null : who.getString("id"));
        assertThat(c.getString("type")).isEqualTo("CALL");
      });
      assertThat(calls).anySatisfy(c -> assertThat(c.getString("account")).isNotNull());
      assertThat(calls).anySatisfy(c -> assertThat(c.getString("deal")).isNotNull());
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a list asks Zoho for exactly the mapped fields: the raw records hold nothing else")
  void listAsksForMappedFields(VertxTestContext ctx) {
    ProviderReply page = await(send(request(Operation.LIST, Resource.CONTACT, null, null,
        new ProviderRequest.Params(null, 10, null, true), connectionId)));
    JsonObject got = await(send(request(Operation.GET, Resource.CONTACT,
        page.records().getJsonObject(0).getString("id"), null, new ProviderRequest.Params(null, 0, null, true),
        connectionId))).record();
    ctx.verify(() -> {
      Set<String> mapped = Set.of("id", "First_Name", "Last_Name", "Title", "Account_Name", "Owner", "Email",
          "Secondary_Email", "Phone", "Mobile", "Home_Phone", "Mailing_Street", "Mailing_City", "Mailing_State",
          "Mailing_Zip", "Mailing_Country", "Last_Activity_Time", "Created_Time", "Modified_Time");
      assertThat(page.records()).allSatisfy(c -> assertThat(((JsonObject) c).getJsonObject("remote_data").fieldNames())
          .isSubsetOf(mapped).contains("Last_Name", "Modified_Time"));
      assertThat(got.getJsonObject("remote_data").fieldNames()).as("a single record comes whole").contains("Full_Name");
      assertThat(got.getString("last_name")).isEqualTo(got.getJsonObject("remote_data").getString("Last_Name"));
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("meeting participants read as attendees and contacts; a note's Parent_Id as its contact, account or deal")
  void meetingsAndNotes(VertxTestContext ctx) {
    List<JsonObject> meetings = new ArrayList<>();
    await(send(request(Operation.LIST, Resource.MEETING, null, null, new ProviderRequest.Params(null, 100, null, true),
        connectionId))).records().forEach(m -> meetings.add((JsonObject) m));
    List<JsonObject> notes = new ArrayList<>();
    await(send(request(Operation.LIST, Resource.NOTE, null, null, new ProviderRequest.Params(null, 100, null, true),
        connectionId))).records().forEach(n -> notes.add((JsonObject) n));
    ctx.verify(() -> {
      assertThat(meetings).allSatisfy(m -> {
        JsonArray participants = m.getJsonObject("remote_data").getJsonArray("Participants");
        assertThat(m.getJsonArray("attendees")).hasSize(participants.size());
        assertThat(m.getJsonArray("attendees").getJsonObject(0).getString("email"))
            .isEqualTo(participants.getJsonObject(0).getString("Email"));
      });
      assertThat(notes).allSatisfy(n -> {
        JsonObject parent = n.getJsonObject("remote_data").getJsonObject("Parent_Id");
        String module = parent.getJsonObject("module").getString("api_name");
        String linked = switch (module) {
          case "Contacts" -> n.getString("contact");
          case "Accounts" -> n.getString("account");
          default -> n.getString("deal");
        };
        assertThat(linked).isEqualTo(parent.getString("id"));
      });
    });
    ctx.completeNow();
  }
}
