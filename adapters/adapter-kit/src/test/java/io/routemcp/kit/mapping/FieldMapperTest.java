package io.routemcp.kit.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FieldMapperTest {

  private static final MappingCatalogue CATALOGUE =
      MappingCatalogue.load(FieldMapperTest.class.getClassLoader(), List.of("testcrm"));

  private static final JsonObject HUBSPOT_CONTACT = new JsonObject("""
      {"id":"501","properties":{"firstname":"Ada","lastname":"Lovelace","email":"ada@acme.com","phone":"+1 555 0100",
        "mobilephone":"+1 555 0199","address":"1 Analytical Way","city":"London","zip":"N1","hubspot_owner_id":"88",
        "notes_last_updated":"2026-03-01T10:00:00.000Z","createdate":"2026-02-25T16:26:25.880Z",
        "lastmodifieddate":"2026-03-09T20:29:45.981+00:00","industry_code":"7372"},
       "associations":{"companies":{"results":[{"id":"900","type":"contact_to_company"}]}}}
      """);

  private static FieldMapper contacts(JsonArray overrides) {
    return CATALOGUE.mapper("testcrm", Resource.CONTACT, overrides);
  }

  @Test
  @DisplayName("reads a provider record into the unified record, separate provider fields building one list")
  void readsRecord() {
    JsonObject unified = contacts(null).toUnified(HUBSPOT_CONTACT);

    assertThat(unified.getString("first_name")).isEqualTo("Ada");
    assertThat(unified.getString("last_name")).isEqualTo("Lovelace");
    assertThat(unified.getJsonArray("email_addresses")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("email_address_type", "Work").put("email_address", "ada@acme.com")));
    assertThat(unified.getJsonArray("phone_numbers")).containsExactly(
        new JsonObject().put("phone_number_type", "Work").put("phone_number", "+1 555 0100"),
        new JsonObject().put("phone_number_type", "Mobile").put("phone_number", "+1 555 0199"));
    assertThat(unified.getJsonArray("addresses")).containsExactly(
        new JsonObject().put("street_1", "1 Analytical Way").put("city", "London").put("postal_code", "N1"));
    assertThat(unified.getString("account")).isEqualTo("900");
    assertThat(unified.getString("owner")).isEqualTo("88");
    assertThat(unified.getString("last_activity_at")).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(unified.getString("created_at")).isEqualTo("2026-02-25T16:26:25.880Z");
    assertThat(unified.getString("updated_at")).isEqualTo("2026-03-09T20:29:45.981Z");
    assertThat(unified.getJsonObject("custom_fields")).isEqualTo(new JsonObject());
  }

  @Test
  @DisplayName("shows every mapped field, null or empty when the provider has no value")
  void readsSparseRecord() {
    JsonObject unified = contacts(null).toUnified(new JsonObject().put("properties", new JsonObject().put("mobilephone", "+44 7700")));

    assertThat(unified.fieldNames()).contains("first_name", "last_name", "account", "owner", "created_at", "custom_fields");
    assertThat(unified.getValue("first_name")).isNull();
    assertThat(unified.getJsonArray("email_addresses")).isEmpty();
    assertThat(unified.getJsonArray("addresses")).isEmpty();
    assertThat(unified.getValue("account")).isNull();
    assertThat(CATALOGUE.mapper("testcrm", Resource.DEAL, new JsonArray().add(new JsonObject().put("unifiedField", "contacts")
        .put("providerField", "associations.contacts").put("transform", "association"))).toUnified(new JsonObject())
        .getJsonArray("contacts")).isEmpty();
    assertThat(unified.getJsonArray("phone_numbers")).containsExactly(
        new JsonObject().put("phone_number_type", "Mobile").put("phone_number", "+44 7700"));
  }

  @Test
  @DisplayName("writes only what the body contains, with null clearing a field")
  void writesPatch() {
    JsonObject provider = contacts(null).toProvider(new JsonObject().put("first_name", "Grace").put("last_name", null));

    assertThat(provider).isEqualTo(new JsonObject().put("properties", new JsonObject().put("firstname", "Grace").put("lastname", null)));
  }

  @Test
  @DisplayName("picks each list entry by type on write, ignoring case, and clears a type the list lacks")
  void writesListsByType() {
    JsonObject provider = contacts(null).toProvider(new JsonObject()
        .put("phone_numbers", new JsonArray().add(new JsonObject().put("phone_number", "+1 555 0199").put("phone_number_type", "mobile")))
        .put("email_addresses", new JsonArray().add(new JsonObject().put("email_address", "grace@navy.mil").put("email_address_type", "Work"))));

    assertThat(provider.getJsonObject("properties")).isEqualTo(new JsonObject()
        .put("email", "grace@navy.mil").put("phone", null).put("mobilephone", "+1 555 0199"));
  }

  @Test
  @DisplayName("gives an entry without a known type to the first selector left empty")
  void writesUntypedEntries() {
    JsonObject provider = contacts(null).toProvider(new JsonObject().put("phone_numbers", new JsonArray()
        .add(new JsonObject().put("phone_number", "+1 555 0199").put("phone_number_type", "Mobile"))
        .add(new JsonObject().put("phone_number", "+1 555 0100"))
        .add(new JsonObject().put("phone_number", "+1 555 0111").put("phone_number_type", "Fax"))));

    assertThat(provider.getJsonObject("properties")).isEqualTo(new JsonObject()
        .put("phone", "+1 555 0100").put("mobilephone", "+1 555 0199"));
  }

  @Test
  @DisplayName("writes the members of a positional entry to their own provider fields")
  void writesAddressMembers() {
    JsonObject provider = contacts(null).toProvider(new JsonObject().put("addresses", new JsonArray()
        .add(new JsonObject().put("street_1", "2 Loom Street").put("city", "Manchester"))));

    assertThat(provider.getJsonObject("properties")).isEqualTo(new JsonObject()
        .put("address", "2 Loom Street").put("city", "Manchester").put("zip", null));
  }

  @Test
  @DisplayName("never writes read-only items, even when the body has them")
  void skipsReadOnly() {
    JsonObject provider = contacts(null).toProvider(new JsonObject()
        .put("last_activity_at", "2026-03-01T10:00:00Z").put("created_at", "2026-01-01T00:00:00Z").put("first_name", "A"));

    assertThat(provider.getJsonObject("properties").fieldNames()).containsExactly("firstname");
  }

  @Test
  @DisplayName("on replace writes every writable item, clearing the ones the body leaves out")
  void writesReplace() {
    JsonObject provider = contacts(null).toProvider(new JsonObject().put("first_name", "Grace"), true);

    assertThat(provider.getJsonObject("properties")).isEqualTo(new JsonObject()
        .put("firstname", "Grace").put("lastname", null).put("email", null).put("phone", null).put("mobilephone", null)
        .put("address", null).put("city", null).put("zip", null).put("hubspot_owner_id", null));
    assertThat(provider.getJsonObject("associations")).isEqualTo(new JsonObject().put("companies", null));
  }

  @Test
  @DisplayName("writes references through the association transform as a list of ids")
  void writesAssociations() {
    JsonObject provider = contacts(null).toProvider(new JsonObject().put("account", "900"));

    assertThat(provider).isEqualTo(new JsonObject().put("associations", new JsonObject().put("companies", new JsonArray().add("900"))));
  }

  @Test
  @DisplayName("an override replaces the default with the same unified field, another one is added")
  void appliesOverrides() {
    JsonArray overrides = new JsonArray()
        .add(new JsonObject().put("unifiedField", "first_name").put("providerField", "properties.preferred_name"))
        .add(new JsonObject().put("unifiedField", "custom_fields.industry_code").put("providerField", "properties.industry_code"));
    FieldMapper mapper = contacts(overrides);

    JsonObject unified = mapper.toUnified(HUBSPOT_CONTACT.copy().put("properties",
        HUBSPOT_CONTACT.getJsonObject("properties").copy().put("preferred_name", "Countess")));
    assertThat(unified.getString("first_name")).isEqualTo("Countess");
    assertThat(unified.getJsonObject("custom_fields")).isEqualTo(new JsonObject().put("industry_code", "7372"));
    assertThat(mapper.items()).filteredOn(i -> i.unifiedField().equals("first_name")).singleElement()
        .satisfies(i -> assertThat(i.source()).isEqualTo("org"));
    assertThat(mapper.providerFields()).contains("properties.preferred_name", "properties.industry_code")
        .doesNotContain("properties.firstname");
  }

  @Test
  @DisplayName("writes a custom field from the body's custom_fields back to its provider field")
  void writesCustomFields() {
    FieldMapper mapper = contacts(new JsonArray()
        .add(new JsonObject().put("unifiedField", "custom_fields.industry_code").put("providerField", "properties.industry_code")));

    JsonObject provider = mapper.toProvider(new JsonObject().put("custom_fields", new JsonObject().put("industry_code", "5411")));

    assertThat(provider).isEqualTo(new JsonObject().put("properties", new JsonObject().put("industry_code", "5411")));
    assertThat(mapper.toProvider(new JsonObject().put("first_name", "A")).getJsonObject("properties").fieldNames())
        .containsExactly("firstname");
  }

  @Test
  @DisplayName("skips an invalid override instead of failing the request, keeping the default")
  void skipsInvalidOverrides() {
    FieldMapper mapper = contacts(new JsonArray()
        .add(new JsonObject().put("unifiedField", "first_name").put("providerField", "properties.x").put("transform", "shout")));

    assertThat(mapper.toUnified(HUBSPOT_CONTACT).getString("first_name")).isEqualTo("Ada");
  }

  @Test
  @DisplayName("derives a read-only value from a provider field another item writes (deal status from stage)")
  void derivesStatus() {
    FieldMapper deals = CATALOGUE.mapper("testcrm", Resource.DEAL, null);
    JsonObject won = new JsonObject().put("properties", new JsonObject()
        .put("dealname", "Big").put("amount", "3000.50").put("dealstage", "closedwon").put("closedate", "2026-12-31T00:00:00Z"));

    JsonObject unified = deals.toUnified(won);
    assertThat(unified.getString("status")).isEqualTo("WON");
    assertThat(unified.getValue("amount")).isEqualTo(new BigDecimal("3000.5"));
    assertThat(unified.getString("close_date")).isEqualTo("2026-12-31");
    assertThat(deals.toUnified(new JsonObject().put("properties", new JsonObject().put("dealstage", "qualifiedtobuy")))
        .getString("status")).isEqualTo("OPEN");

    JsonObject provider = deals.toProvider(new JsonObject().put("status", "WON").put("stage", "closedwon").put("amount", 10));
    assertThat(provider.getJsonObject("properties")).isEqualTo(new JsonObject().put("amount", 10L).put("dealstage", "closedwon"));
  }

  @Test
  @DisplayName("follows nested provider paths both ways (Zoho lookups)")
  void nestedPaths() {
    FieldMapper mapper = FieldMapper.of(Resource.CONTACT, List.of(), new JsonArray()
        .add(new JsonObject().put("unifiedField", "account").put("providerField", "Account_Name").put("transform", "reference"))
        .add(new JsonObject().put("unifiedField", "owner").put("providerField", "Owner.id")));

    JsonObject unified = mapper.toUnified(new JsonObject().put("Account_Name", new JsonObject().put("name", "Zylker").put("id", "41"))
        .put("Owner", new JsonObject().put("id", "7").put("name", "Pat")));
    assertThat(unified.getString("account")).isEqualTo("41");
    assertThat(unified.getString("owner")).isEqualTo("7");
    assertThat(mapper.toProvider(new JsonObject().put("account", "41").put("owner", "8"))).isEqualTo(new JsonObject()
        .put("Account_Name", new JsonObject().put("id", "41")).put("Owner", new JsonObject().put("id", "8")));
  }

  @Test
  @DisplayName("maps a whole provider array of objects to a unified list (Pipedrive emails)")
  void objectLists() {
    FieldMapper mapper = FieldMapper.of(Resource.CONTACT, List.of(), new JsonArray().add(new JsonObject()
        .put("unifiedField", "email_addresses").put("providerField", "emails").put("transform", "object_list")
        .put("options", new JsonObject().put("members", new JsonObject().put("value", "email_address").put("label", "email_address_type")))));

    JsonObject person = new JsonObject().put("emails", new JsonArray()
        .add(new JsonObject().put("value", "jane@acme.com").put("primary", true).put("label", "work")));
    assertThat(mapper.toUnified(person).getJsonArray("email_addresses")).containsExactly(
        new JsonObject().put("email_address", "jane@acme.com").put("email_address_type", "work"));
    assertThat(mapper.toProvider(new JsonObject().put("email_addresses", new JsonArray()
        .add(new JsonObject().put("email_address", "j@x.io").put("email_address_type", "home")))))
        .isEqualTo(new JsonObject().put("emails", new JsonArray().add(new JsonObject().put("value", "j@x.io").put("label", "home"))));
  }

  @Test
  @DisplayName("reuses one compiled mapper for the same overrides")
  void cachesMappers() {
    JsonArray overrides = new JsonArray().add(new JsonObject().put("unifiedField", "custom_fields.x").put("providerField", "properties.x"));
    assertThat(contacts(overrides)).isSameAs(contacts(overrides.copy()));
    assertThat(contacts(null)).isSameAs(contacts(new JsonArray()));
  }
}
