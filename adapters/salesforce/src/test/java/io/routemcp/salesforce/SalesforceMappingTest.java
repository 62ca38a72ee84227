package io.routemcp.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.mapping.FieldMapper;
import io.routemcp.kit.mapping.MappingCatalogue;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Salesforce's default mappings applied to records in Salesforce's recorded wire shapes. */
class SalesforceMappingTest {

  private static final MappingCatalogue MAPPINGS = MappingCatalogue.forProvider(SalesforceModule.class, "salesforce");

  private static FieldMapper mapper(Resource resource) {
    return MAPPINGS.mapper("salesforce", resource, null);
  }

  @Test
  @DisplayName("ships a valid mapping for every resource the descriptor supports")
  void mappingPerResource() {
    assertThat(MAPPINGS.resources("salesforce")).containsExactlyInAnyOrderElementsOf(SalesforceModule.DESCRIPTOR.resources());
  }

  @Test
  @DisplayName("reads a recorded Contact: +0000 date-times, Work email, Work and Mobile phones, AccountId as account")
  void contact() {
    JsonObject contact = new JsonObject("""
        {"attributes":{"type":"Contact","url":"/services/data/v60.0/sobjects/Contact/003dM00001vWOXJQA4"},
         "Id":"003dM00001vWOXJQA4","FirstName":"Rose","LastName":"Gonzalez","Email":"rose@edge.com",
         "Phone":"(512) 757-6000","MobilePhone":"(512) 757-9340","AccountId":"001dM00003jU9GxQAK",
         "OwnerId":"005xx000001SwiUAAS","CreatedDate":"2026-05-01T07:25:37.000+0000",
         "LastModifiedDate":"2026-05-02T08:00:00.000+0000"}""");

    JsonObject unified = mapper(Resource.CONTACT).toUnified(contact);

    assertThat(unified.getString("first_name")).isEqualTo("Rose");
    assertThat(unified.getString("account")).isEqualTo("001dM00003jU9GxQAK");
    assertThat(unified.getString("owner")).isEqualTo("005xx000001SwiUAAS");
    assertThat(unified.getJsonArray("email_addresses")).containsExactly(
        new JsonObject().put("email_address_type", "Work").put("email_address", "rose@edge.com"));
    assertThat(unified.getJsonArray("phone_numbers")).hasSize(2);
    assertThat(unified.getString("created_at")).isEqualTo("2026-05-01T07:25:37Z");
  }

  @Test
  @DisplayName("reads an Opportunity's stage as its status and writes amount and close date back")
  void deal() {
    JsonObject opportunity = new JsonObject("""
        {"Id":"006xx","Name":"Big","StageName":"Closed Won","Amount":1200.5,"CloseDate":"2026-12-31","Probability":100}""");

    JsonObject unified = mapper(Resource.DEAL).toUnified(opportunity);
    JsonObject written = mapper(Resource.DEAL).toProvider(new JsonObject().put("name", "Big").put("amount", "99.5")
        .put("close_date", "2026-12-31").put("stage", "Prospecting"));

    assertThat(unified.getString("status")).isEqualTo("WON");
    assertThat(unified.getString("close_date")).isEqualTo("2026-12-31");
    assertThat(new BigDecimal(String.valueOf(written.getValue("Amount")))).isEqualByComparingTo("99.5");
    assertThat(written.getString("StageName")).isEqualTo("Prospecting");
    assertThat(written.getString("CloseDate")).isEqualTo("2026-12-31");
  }

  @Test
  @DisplayName("reads the OpportunityStage rows as one pipeline's stages")
  void pipeline() {
    JsonObject pipeline = new JsonObject().put("Id", "default").put("label", "Opportunity stages").put("stages", new JsonArray()
        .add(new JsonObject("""
            {"ApiName":"Closed Won","MasterLabel":"Closed Won","SortOrder":9,"IsClosed":true,"IsWon":true,"DefaultProbability":100}""")));

    JsonObject stage = mapper(Resource.PIPELINE).toUnified(pipeline).getJsonArray("stages").getJsonObject(0);

    assertThat(stage.getString("id")).isEqualTo("Closed Won");
    assertThat(stage.getInteger("order")).isEqualTo(9);
    assertThat(stage.getBoolean("is_won")).isTrue();
  }

  @Test
  @DisplayName("selects Id and every mapped field, and refuses a mapped name that could change the SOQL")
  void selectedFields() {
    assertThat(SalesforceVerticle.fields(mapper(Resource.NOTE))).contains("Id", "Body", "ParentId", "OwnerId");

    FieldMapper injected = MAPPINGS.mapper("salesforce", Resource.NOTE, new JsonArray().add(new JsonObject()
        .put("unifiedField", "content").put("providerField", "Body FROM User --").put("direction", "read").put("transform", "string")));
    assertThatThrownBy(() -> SalesforceVerticle.fields(injected)).isInstanceOf(ApiException.class);
  }
}
