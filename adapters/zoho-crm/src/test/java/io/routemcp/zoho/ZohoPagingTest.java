package io.routemcp.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Zoho's two ways of paging, the switch between them, and modified_after as If-Modified-Since. */
class ZohoPagingTest extends ZohoContract {

  @Test
  @DisplayName("walks 2,100 contacts 200 at a time: pages 1 to 10 by number, then Zoho's page_token past 2,000")
  void pastTwoThousand(VertxTestContext ctx) {
    zoho.seed("Contacts", 2_100 - zoho.count("Contacts"));
    simulator.resetCounts();
    List<String> cursors = new ArrayList<>();
    List<JsonObject> contacts = await(all(Resource.CONTACT, 200, null, cursors));
    ctx.verify(() -> {
      assertThat(contacts).hasSize(2_100);
      assertThat(contacts.stream().map(c -> c.getString("id")).distinct()).hasSize(2_100);
      assertThat(cursors).hasSize(11).last().isNull();
      assertThat(cursors.subList(0, 9)).allSatisfy(c -> assertThat(c).startsWith("page:"));
      assertThat(cursors.get(9)).as("after page 10 only a page_token goes on").startsWith("token:200:");
      assertThat(simulator.requestCount("GET", "/api/us/crm/v8/Contacts")).isEqualTo(11);
      contacts.forEach(record -> assertCarriesConnection(record, connectionId));
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("pages through at least three provider pages without losing or repeating a record, in id order")
  void smallPages(VertxTestContext ctx) {
    List<String> cursors = new ArrayList<>();
    List<JsonObject> leads = await(all(Resource.LEAD, 15, null, cursors));
    ctx.verify(() -> {
      assertThat(cursors).hasSizeGreaterThanOrEqualTo(3).last().isNull();
      assertThat(leads).hasSize(zoho.count("Leads"));
      assertThat(leads.stream().map(l -> l.getString("id")).distinct()).hasSize(leads.size());
      assertThat(leads).extracting(l -> l.getString("id")).isSortedAccordingTo(Comparator.comparing(Long::valueOf));
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("caps a page at Zoho's 200 records")
  void capsPerPage(VertxTestContext ctx) {
    zoho.seed("Contacts", 250 - zoho.count("Contacts"));
    ProviderReply page = await(page(Resource.CONTACT, 500, null, null));
    ctx.verify(() -> {
      assertThat(page.records()).hasSize(200);
      assertThat(page.nextCursor()).isEqualTo("page:2:200");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("modified_after goes as If-Modified-Since: only newer records, oldest change first, across pages")
  void modifiedAfter(VertxTestContext ctx) {
    List<JsonObject> everything = await(all(Resource.CONTACT, 200, null, new ArrayList<>()));
    List<JsonObject> byChange = new ArrayList<>(everything);
    byChange.sort(Comparator.comparing(c -> c.getString("updated_at")));
    String since = byChange.get(byChange.size() - 20).getString("updated_at");
    Set<String> expected = byChange.stream().filter(c -> c.getString("updated_at").compareTo(since) > 0)
        .map(c -> c.getString("id")).collect(Collectors.toSet());
    List<String> cursors = new ArrayList<>();
    List<JsonObject> changed = await(all(Resource.CONTACT, 6, since, cursors));
    ctx.verify(() -> {
      assertThat(expected).hasSizeGreaterThan(12);
      assertThat(changed).extracting(c -> c.getString("id")).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(changed).extracting(c -> c.getString("updated_at")).isSorted();
      assertThat(cursors).hasSizeGreaterThanOrEqualTo(3);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("nothing changed since modified_after: Zoho's 304 is an empty last page")
  void notModified(VertxTestContext ctx) {
    simulator.resetCounts();
    ProviderReply page = await(page(Resource.DEAL, 50, null, "2999-01-01T00:00:00Z"));
    ProviderReply users = await(page(Resource.OWNER, 50, null, "2999-01-01T00:00:00Z"));
    ctx.verify(() -> {
      assertThat(page.records()).isEmpty();
      assertThat(page.nextCursor()).isNull();
      assertThat(users.records()).isEmpty();
      assertThat(simulator.requestCount("GET", "/api/us/crm/v8/Deals")).isEqualTo(1);
    });
    ctx.completeNow();
  }
}
