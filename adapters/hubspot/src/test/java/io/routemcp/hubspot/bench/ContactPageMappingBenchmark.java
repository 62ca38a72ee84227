package io.routemcp.hubspot.bench;

import io.routemcp.hubspot.HubSpotModule;
import io.routemcp.kit.mapping.FieldMapper;
import io.routemcp.kit.mapping.MappingCatalogue;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What mapping costs per page of 100 HubSpot contacts (HubSpot's largest page), in the shape the
 * adapter receives it: every mapped property, a company association per contact. Run with
 * {@code mvn -P benchmarks -pl adapters/hubspot test-compile exec:exec}; divide by 100 for a record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContactPageMappingBenchmark {

  private FieldMapper contacts;
  private JsonArray page;
  private Buffer body;

  @Setup
  public void setUp() {
    contacts = MappingCatalogue.forProvider(HubSpotModule.class, "hubspot").mapper("hubspot", Resource.CONTACT, null);
    page = new JsonArray();
    for (int i = 0; i < 100; i++) {
      page.add(new JsonObject()
          .put("id", Long.toString(100_000_000_001L + i))
          .put("properties", new JsonObject()
              .put("firstname", "First" + i).put("lastname", "Last" + i).put("jobtitle", "Engineer")
              .put("email", "person" + i + "@example.com").put("phone", "+1 555 010" + (i % 10))
              .put("mobilephone", i % 3 == 0 ? null : "+1 555 019" + (i % 10)).put("address", i + " Main Street")
              .put("city", "Boston").put("state", "MA").put("zip", "02110").put("country", "USA")
              .put("hubspot_owner_id", "88842095").put("notes_last_updated", i % 2 == 0 ? "2026-03-01T10:00:00.000Z" : null)
              .put("createdate", "2026-02-25T16:26:25.880Z").put("lastmodifieddate", "2026-03-09T20:29:45.981Z")
              .put("hs_object_id", Long.toString(100_000_000_001L + i)))
          .put("createdAt", "2026-02-25T16:26:25.880Z").put("updatedAt", "2026-03-09T20:29:45.981Z").put("archived", false)
          .put("associations", new JsonObject().put("companies", new JsonObject().put("results", new JsonArray()
              .add(new JsonObject().put("id", Long.toString(5_000 + i)).put("type", "contact_to_company"))))));
    }
    body = new JsonObject().put("results", page).toBuffer();
    page = new JsonObject(body).getJsonArray("results");
  }

  /** Mapping alone: 100 already-decoded records to unified records. */
  @Benchmark
  public void toUnified(Blackhole sink) {
    for (int i = 0; i < page.size(); i++) {
      sink.consume(contacts.toUnified(page.getJsonObject(i)));
    }
  }

  /** The adapter's whole CPU share of a page: decode HubSpot's body, map each record, encode the reply. */
  @Benchmark
  public Buffer decodeMapEncode() {
    JsonArray results = new JsonObject(body).getJsonArray("results");
    JsonArray records = new JsonArray();
    for (int i = 0; i < results.size(); i++) {
      JsonObject record = contacts.toUnified(results.getJsonObject(i));
      record.put("id", results.getJsonObject(i).getString("id")).put("provider", "hubspot").put("connection_id", "c-1");
      records.add(record);
    }
    return new JsonObject().put("data", records).put("nextCursor", "100000000101").toBuffer();
  }
}
