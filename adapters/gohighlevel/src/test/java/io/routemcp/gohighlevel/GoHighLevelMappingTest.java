package io.routemcp.gohighlevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.mapping.FieldMapper;
import io.routemcp.kit.mapping.MappingCatalogue;
import io.routemcp.kit.oauth.OAuthDescriptor;
import io.routemcp.kit.provider.ProviderCatalogue;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GoHighLevel's descriptor and default mappings, applied to records in LeadConnector's wire shapes. */
class GoHighLevelMappingTest {

  private static final MappingCatalogue MAPPINGS = MappingCatalogue.forProvider(GoHighLevelModule.class, "gohighlevel");

  private static FieldMapper mapper(Resource resource) {
    return MAPPINGS.mapper("gohighlevel", resource, null);
  }

  @Test
  @DisplayName("is found through ServiceLoader and ships a valid mapping for every resource it supports, and none for meetings or activities")
  void catalogue() {
    assertThat(ProviderCatalogue.load().descriptor("gohighlevel")).contains(GoHighLevelModule.DESCRIPTOR);
    assertThat(MAPPINGS.resources("gohighlevel")).containsExactlyInAnyOrderElementsOf(GoHighLevelModule.DESCRIPTOR.resources());
    assertThat(GoHighLevelModule.DESCRIPTOR.supports(Resource.MEETING)).isFalse();
    assertThat(GoHighLevelModule.DESCRIPTOR.supports(Resource.ACTIVITY)).isFalse();
    assertThat(GoHighLevelModule.DESCRIPTOR.supports(Resource.OWNER, Operation.CREATE)).isFalse();
    assertThat(GoHighLevelModule.DESCRIPTOR.authTypes()).containsExactly("oauth2");
    assertThat(GoHighLevelModule.DESCRIPTOR.raw().getString("apiBaseUrl")).isEqualTo("https://services.leadconnectorhq.com");
  }

  @Test
  @DisplayName("describes GoHighLevel's OAuth: choose-location page, body client auth, no PKCE, day-long tokens, rotating refresh tokens")
  void oauth() {
    OAuthDescriptor oauth = OAuthDescriptor.fromJson(GoHighLevelModule.DESCRIPTOR.oauth());
    assertThat(oauth.authorizeUrl()).isEqualTo("https://marketplace.gohighlevel.com/oauth/chooselocation");
    assertThat(oauth.tokenUrl()).isEqualTo("https://services.leadconnectorhq.com/oauth/token");
    assertThat(oauth.revokeUrl()).isNull();
    assertThat(oauth.scopeSeparator()).isEqualTo(" ");
    assertThat(oauth.scopes()).contains("contacts.readonly", "opportunities.write", "calendars/events.write", "users.readonly",
        "businesses.write", "locations.readonly");
    assertThat(oauth.clientAuth()).isEqualTo("body");
    assertThat(oauth.pkce()).isFalse();
    assertThat(oauth.accessTokenLifetimeSeconds()).isEqualTo(86_399L);
    assertThat(oauth.refreshTokenRotates()).isTrue();
    assertThat(oauth.metadataFromTokenResponse()).containsExactly("locationId", "companyId", "userType");
  }

  @Test
  @DisplayName("reads a recorded search contact and writes one primary email, phone and address back")
  void contact() {
    JsonObject contact = new JsonObject("""
        {"id":"C0oEKxTxx1bz7036v71B","locationId":"AYg6rIXHN1fXdXjGcYvI","firstName":"Taylor","lastName":"Reynolds",
         "email":null,"phone":"+178655689546","companyName":"MacLaren's Pub","businessId":"6a59d5ac9c11104155404fb9",
         "type":"lead","source":null,"address1":"1 Pub St","city":null,"country":"US","tags":["follow-up"],"assignedTo":null,
         "dateAdded":"2026-07-17T07:11:54.324Z","dateUpdated":"2026-07-17T07:11:57.939Z"}""");
    JsonObject unified = mapper(Resource.CONTACT).toUnified(contact);

    assertThat(unified.getString("first_name")).isEqualTo("Taylor");
    assertThat(unified.getString("account")).isEqualTo("6a59d5ac9c11104155404fb9");
    assertThat(unified.getJsonArray("email_addresses")).isEmpty();
    assertThat(unified.getJsonArray("phone_numbers")).containsExactly(
        new JsonObject().put("phone_number_type", "Primary").put("phone_number", "+178655689546"));
    assertThat(unified.getJsonArray("addresses")).containsExactly(new JsonObject().put("street_1", "1 Pub St").put("country", "US"));
    assertThat(unified.getJsonObject("custom_fields").getJsonArray("tags")).containsExactly("follow-up");
    assertThat(unified.getString("updated_at")).isEqualTo("2026-07-17T07:11:57.939Z");

    JsonObject written = mapper(Resource.CONTACT).toProvider(new JsonObject("""
        {"email_addresses":[{"email_address":"t@pub.example.com","email_address_type":"Work"}],"account":"ignored"}"""));
    assertThat(written).isEqualTo(new JsonObject().put("email", "t@pub.example.com"));
  }

  @Test
  @DisplayName("reads an opportunity's statuses, abandoned as LOST, and writes the unified status in GoHighLevel's words")
  void deal() {
    FieldMapper deals = mapper(Resource.DEAL);
    JsonObject unified = deals.toUnified(new JsonObject().put("status", "abandoned").put("monetaryValue", 4549)
        .put("contactIds", new JsonArray().add("C0oEKxTxx1bz7036v71B")));
    assertThat(unified.getString("status")).isEqualTo("LOST");
    assertThat(unified.getJsonArray("contacts")).containsExactly("C0oEKxTxx1bz7036v71B");
    assertThat(deals.toUnified(new JsonObject().put("status", "won")).getString("status")).isEqualTo("WON");
    assertThat(deals.toProvider(new JsonObject().put("status", "WON").put("amount", 10)))
        .isEqualTo(new JsonObject().put("status", "won").put("monetaryValue", 10));
  }

  @Test
  @DisplayName("reads a task's completed flag as its status and writes the status back as the flag")
  void task() {
    FieldMapper tasks = mapper(Resource.TASK);
    assertThat(tasks.toUnified(new JsonObject().put("completed", true)).getString("status")).isEqualTo("COMPLETED");
    assertThat(tasks.toUnified(new JsonObject().put("completed", false)).getString("status")).isEqualTo("OPEN");
    assertThat(tasks.toProvider(new JsonObject().put("status", "COMPLETED").put("due_date", "2026-07-20T10:00:00Z")))
        .isEqualTo(new JsonObject().put("completed", true).put("dueDate", "2026-07-20T10:00:00Z"));
  }

  @Test
  @DisplayName("writes appointment times with an offset, as the calendars API documents them")
  void appointment() {
    JsonObject written = mapper(Resource.APPOINTMENT).toProvider(new JsonObject()
        .put("start_time", "2026-07-20T12:00:00+02:00").put("calendar", "BqTwX8QFwXzpegMve9EQ"));
    assertThat(written).isEqualTo(new JsonObject().put("startTime", "2026-07-20T10:00:00+00:00").put("calendarId", "BqTwX8QFwXzpegMve9EQ"));
    assertThat(mapper(Resource.APPOINTMENT).toUnified(new JsonObject().put("startTime", "2026-07-20T12:00:00+02:00"))
        .getString("start_time")).isEqualTo("2026-07-20T10:00:00Z");
  }

  @Test
  @DisplayName("scopes note and task ids by their contact, and refuses an id without one")
  void scopedIds() {
    assertThat(ScopedId.parse("C0oEKxTxx1bz7036v71B:n1", Resource.NOTE)).isEqualTo(ScopedId.of("C0oEKxTxx1bz7036v71B", "n1"));
    assertThat(ScopedId.of("c", "t").toString()).isEqualTo("c:t");
    for (String bad : List.of("n1", ":n1", "c:", "a:b:c")) {
      assertThatThrownBy(() -> ScopedId.parse(bad, Resource.TASK)).isInstanceOfSatisfying(ApiException.class,
          e -> assertThat(e.code()).isEqualTo("TASK_NOT_FOUND"));
    }
  }

  @Test
  @DisplayName("round-trips provider cursors and refuses anything else as INVALID_CURSOR")
  void cursors() {
    JsonArray after = new JsonArray().add(1784272317939L).add("C0oEKxTxx1bz7036v71B");
    assertThat(ProviderCursor.array(ProviderCursor.encode(after))).isEqualTo(after);
    assertThat(ProviderCursor.object(ProviderCursor.encode(new JsonObject().put("skip", 25)))).isEqualTo(new JsonObject().put("skip", 25));
    assertThat(ProviderCursor.array(null)).isNull();
    for (String bad : List.of("%%%", ProviderCursor.encode("text"), ProviderCursor.encode(new JsonObject()))) {
      assertThatThrownBy(() -> ProviderCursor.array(bad)).isInstanceOfSatisfying(ApiException.class,
          e -> assertThat(e.code()).isEqualTo("INVALID_CURSOR"));
    }
  }

  @Test
  @DisplayName("accepts every spelling of success GoHighLevel uses, and takes an explicit false as a provider error")
  void successFlags() {
    GhlAnswers.requireSuccess(new JsonObject().put("succeded", true).put("succeeded", true));
    GhlAnswers.requireSuccess(new JsonObject().put("succeded", true));
    GhlAnswers.requireSuccess(new JsonObject().put("success", true).put("traceId", "t"));
    assertThatThrownBy(() -> GhlAnswers.requireSuccess(new JsonObject().put("succeded", false)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("PROVIDER_ERROR"));
    assertThat(GhlAnswers.record(new JsonObject().put("success", true).put("buiseness", new JsonObject().put("id", "b")),
        "business", "buiseness").getString("id")).isEqualTo("b");
  }
}
