package io.routemcp.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.mapping.FieldMapper;
import io.routemcp.kit.mapping.MappingCatalogue;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HubSpot's default mappings applied to records in HubSpot's recorded wire shapes. */
class HubSpotMappingTest {

  private static final MappingCatalogue MAPPINGS = MappingCatalogue.forProvider(HubSpotModule.class, "hubspot");

  private static FieldMapper mapper(Resource resource) {
    return MAPPINGS.mapper("hubspot", resource, null);
  }

  @Test
  @DisplayName("ships a valid mapping for every resource the descriptor supports")
  void mappingPerResource() {
    assertThat(MAPPINGS.resources("hubspot")).containsExactlyInAnyOrderElementsOf(HubSpotModule.DESCRIPTOR.resources());
  }

  @Test
  @DisplayName("reads a contact: Work email, Work and Mobile phones, one address, the company association as account")
  void contact() {
    JsonObject contact = new JsonObject("""
        {"id":"713492963559","properties":{"firstname":"Test","lastname":"Contact","email":"x@example.com",
          "phone":"+1 555-1234","mobilephone":"+1 555-9876","jobtitle":"CTO","company":"Test Company","address":"1 Main St",
          "city":"Boston","state":"MA","zip":"02110","country":"USA","hubspot_owner_id":"88842095",
          "createdate":"2026-02-25T16:26:25.880Z","lastmodifieddate":"2026-03-09T20:29:45.981Z","notes_last_updated":null},
         "createdAt":"2026-02-25T16:26:25.880Z","updatedAt":"2026-03-09T20:29:45.981Z","archived":false,
         "associations":{"companies":{"results":[{"id":"5001","type":"contact_to_company"},
                                                  {"id":"5001","type":"contact_to_company_unlabeled"}]}}}""");

    JsonObject unified = mapper(Resource.CONTACT).toUnified(contact);

    assertThat(unified.getString("first_name")).isEqualTo("Test");
    assertThat(unified.getString("title")).isEqualTo("CTO");
    assertThat(unified.getString("account")).isEqualTo("5001");
    assertThat(unified.getString("owner")).isEqualTo("88842095");
    assertThat(unified.getJsonArray("email_addresses")).containsExactly(
        new JsonObject().put("email_address_type", "Work").put("email_address", "x@example.com"));
    assertThat(unified.getJsonArray("phone_numbers")).containsExactly(
        new JsonObject().put("phone_number_type", "Work").put("phone_number", "+1 555-1234"),
        new JsonObject().put("phone_number_type", "Mobile").put("phone_number", "+1 555-9876"));
    assertThat(unified.getJsonArray("addresses")).containsExactly(new JsonObject().put("street_1", "1 Main St")
        .put("city", "Boston").put("state", "MA").put("postal_code", "02110").put("country", "USA"));
    assertThat(unified.getValue("last_activity_at")).isNull();
    assertThat(unified.getString("updated_at")).isEqualTo("2026-03-09T20:29:45.981Z");
  }

  @Test
  @DisplayName("writes a contact's lists back to HubSpot's separate properties, and its account as an association")
  void contactWrite() {
    JsonObject provider = mapper(Resource.CONTACT).toProvider(new JsonObject("""
        {"first_name":"Ada","email_addresses":[{"email_address":"ada@acme.com","email_address_type":"Work"}],
         "phone_numbers":[{"phone_number":"+44 7700 900123","phone_number_type":"Mobile"}],"account":"5001"}"""));

    assertThat(provider).isEqualTo(new JsonObject("""
        {"properties":{"firstname":"Ada","email":"ada@acme.com","phone":null,"mobilephone":"+44 7700 900123"},
         "associations":{"companies":["5001"]}}"""));
  }

  @Test
  @DisplayName("reads a recorded deal: the string amount as a number, closedate as a date, status from the stage")
  void deal() {
    JsonObject deal = new JsonObject("""
        {"id":"479475667160","properties":{"amount":"3000","closedate":"2026-12-31T00:00:00Z","createdate":"2026-02-25T16:26:25.880Z",
          "dealname":"Test Deal","dealstage":"closedlost","hs_deal_stage_probability":"0.0",
          "hs_lastmodifieddate":"2026-03-09T20:29:45.981Z","hs_object_id":"479475667160","hubspot_owner_id":null,"pipeline":"default"},
         "associations":{"contacts":{"results":[{"id":"11","type":"deal_to_contact"},{"id":"12","type":"deal_to_contact"}]}}}""");

    JsonObject unified = mapper(Resource.DEAL).toUnified(deal);

    assertThat(unified.getValue("amount")).isEqualTo(3000L);
    assertThat(unified.getString("close_date")).isEqualTo("2026-12-31");
    assertThat(unified.getString("status")).isEqualTo("LOST");
    assertThat(unified.getValue("probability")).isEqualTo(0L);
    assertThat(unified.getString("stage")).isEqualTo("closedlost");
    assertThat(unified.getString("pipeline")).isEqualTo("default");
    assertThat(unified.getJsonArray("contacts")).isEqualTo(new JsonArray().add("11").add("12"));
    assertThat(unified.getValue("account")).isNull();
    assertThat(mapper(Resource.DEAL).toProvider(new JsonObject().put("amount", new BigDecimal("1999.99")).put("status", "WON")))
        .isEqualTo(new JsonObject().put("properties", new JsonObject().put("amount", new BigDecimal("1999.99"))));
  }

  @Test
  @DisplayName("reads task statuses other than COMPLETED as OPEN and writes OPEN as NOT_STARTED")
  void taskStatus() {
    FieldMapper tasks = mapper(Resource.TASK);
    JsonObject waiting = new JsonObject().put("properties", new JsonObject().put("hs_task_status", "WAITING")
        .put("hs_task_priority", "NONE").put("hs_timestamp", "2024-12-31T23:59:59Z"));

    assertThat(tasks.toUnified(waiting).getString("status")).isEqualTo("OPEN");
    assertThat(tasks.toUnified(waiting).getValue("priority")).isNull();
    assertThat(tasks.toUnified(waiting).getString("due_date")).isEqualTo("2024-12-31T23:59:59Z");
    assertThat(tasks.toProvider(new JsonObject().put("status", "OPEN").put("priority", "HIGH")).getJsonObject("properties"))
        .isEqualTo(new JsonObject().put("hs_task_status", "NOT_STARTED").put("hs_task_priority", "HIGH"));
  }

  @Test
  @DisplayName("reads calls as activities of type CALL")
  void call() {
    JsonObject unified = mapper(Resource.ACTIVITY).toUnified(new JsonObject().put("properties", new JsonObject()
        .put("hs_call_title", "Intro").put("hs_call_direction", "OUTBOUND").put("hs_timestamp", "2026-03-01T10:00:00Z")));

    assertThat(unified.getString("type")).isEqualTo("CALL");
    assertThat(unified.getString("direction")).isEqualTo("OUTBOUND");
    assertThat(unified.getString("subject")).isEqualTo("Intro");
    assertThat(unified.getString("start_time")).isEqualTo("2026-03-01T10:00:00Z");
  }

  @Test
  @DisplayName("reads a recorded owner with a joined name and is_active from archived")
  void owner() {
    JsonObject unified = mapper(Resource.OWNER).toUnified(new JsonObject("""
        {"id":"88842095","email":"a@b.com","type":"PERSON","firstName":"Marcin","lastName":"Nango","userId":88842095,
         "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-02T00:00:00Z","archived":false}"""));

    assertThat(unified.getString("name")).isEqualTo("Marcin Nango");
    assertThat(unified.getBoolean("is_active")).isTrue();
    assertThat(unified.getString("email")).isEqualTo("a@b.com");
  }

  @Test
  @DisplayName("reads a recorded pipeline's stages with percentage probabilities")
  void pipeline() {
    JsonObject unified = mapper(Resource.PIPELINE).toUnified(new JsonObject("""
        {"label":"Sales Pipeline","displayOrder":0,"id":"default","stages":[
          {"label":"Appointment Scheduled","displayOrder":0,"metadata":{"isClosed":"false","probability":"0.2"},"id":"appointmentscheduled"},
          {"label":"Closed Won","displayOrder":5,"metadata":{"isClosed":"true","probability":"1.0"},"id":"closedwon"}]}"""));

    assertThat(unified.getString("name")).isEqualTo("Sales Pipeline");
    assertThat(unified.getJsonArray("stages")).containsExactly(
        new JsonObject().put("id", "appointmentscheduled").put("name", "Appointment Scheduled").put("order", 0L)
            .put("probability", 20L).put("is_closed", false),
        new JsonObject().put("id", "closedwon").put("name", "Closed Won").put("order", 5L)
            .put("probability", 100L).put("is_closed", true));
  }
}
