package io.routemcp.zoho;

import static org.assertj.core.api.Assertions.assertThat;

import io.routemcp.kit.error.ApiException;
import io.routemcp.kit.error.ErrorCode;
import io.routemcp.kit.provider.ProviderReply;
import io.routemcp.kit.provider.ProviderRequest;
import io.routemcp.kit.resource.Operation;
import io.routemcp.kit.resource.Resource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Zoho's failures as the public error codes. */
class ZohoErrorsTest extends ZohoContract {

  private static final String MISSING = "4150868000009999999";

  private ApiException fails(Operation op, Resource resource, String id, JsonObject body) {
    return failure(send(request(op, resource, id, body)));
  }

  @Test
  @DisplayName("a missing record (Zoho's INVALID_DATA on the id, or INVALID_URL_PATTERN) is <RESOURCE>_NOT_FOUND for get, update and delete")
  void missingRecords(VertxTestContext ctx) {
    ApiException get = fails(Operation.GET, Resource.CONTACT, MISSING, null);
    ApiException patch = fails(Operation.UPDATE, Resource.DEAL, MISSING, new JsonObject().put("name", "x"));
    ApiException delete = fails(Operation.DELETE, Resource.NOTE, MISSING, null);
    ApiException notAnId = fails(Operation.GET, Resource.TASK, "not-a-zoho-id", null);
    ApiException owner = fails(Operation.GET, Resource.OWNER, MISSING, null);
    ApiException pipeline = fails(Operation.GET, Resource.PIPELINE, MISSING, null);
    ctx.verify(() -> {
      assertThat(get.code()).isEqualTo("CONTACT_NOT_FOUND");
      assertThat(get.status()).isEqualTo(404);
      assertThat(get.provider()).isEqualTo("zoho-crm");
      assertThat(patch.code()).isEqualTo("DEAL_NOT_FOUND");
      assertThat(delete.code()).isEqualTo("NOTE_NOT_FOUND");
      assertThat(notAnId.code()).isEqualTo("TASK_NOT_FOUND");
      assertThat(owner.code()).isEqualTo("OWNER_NOT_FOUND");
      assertThat(pipeline.code()).isEqualTo("PIPELINE_NOT_FOUND");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("429 TOO_MANY_REQUESTS with a long Retry-After is PROVIDER_RATE_LIMITED with retryAfter, without waiting")
  void rateLimited(VertxTestContext ctx) {
    simulator.faults().rateLimitNext(1, 30);
    simulator.resetCounts();
    ApiException limited = fails(Operation.LIST, Resource.CONTACT, null, null);
    ctx.verify(() -> {
      assertThat(limited.code()).isEqualTo(ErrorCode.PROVIDER_RATE_LIMITED.code());
      assertThat(limited.retryAfterSeconds()).isEqualTo(30L);
      assertThat(simulator.requestCount("GET", "/api/us/crm/v8/Contacts")).isEqualTo(1);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a read waits out a short Retry-After and succeeds")
  void shortRateLimit(VertxTestContext ctx) {
    simulator.faults().rateLimitNext(1, 0);
    simulator.resetCounts();
    ProviderReply page = await(send(request(Operation.LIST, Resource.LEAD, null, null,
        new ProviderRequest.Params(null, 5, null, false), connectionId)));
    ctx.verify(() -> {
      assertThat(page.records()).hasSize(5);
      assertThat(simulator.requestCount("GET", "/api/us/crm/v8/Leads")).isEqualTo(2);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("5xx on a read is retried, then PROVIDER_ERROR; a write is never retried")
  void serverErrors(VertxTestContext ctx) {
    simulator.faults().unavailableNext(3);
    simulator.resetCounts();
    ApiException read = fails(Operation.LIST, Resource.COMPANY, null, null);
    long readAttempts = simulator.requestCount("GET", "/api/us/crm/v8/Accounts");
    simulator.faults().unavailableNext(1);
    ApiException write = fails(Operation.CREATE, Resource.COMPANY, null, new JsonObject().put("name", "Acme"));
    ctx.verify(() -> {
      assertThat(read.code()).isEqualTo(ErrorCode.PROVIDER_ERROR.code());
      assertThat(readAttempts).isEqualTo(3);
      assertThat(write.code()).isEqualTo(ErrorCode.PROVIDER_ERROR.code());
      assertThat(simulator.requestCount("POST", "/api/us/crm/v8/Accounts")).isEqualTo(1);
      assertThat(zoho.count("Accounts")).as("nothing was created").isEqualTo(30);
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a truncated JSON answer is PROVIDER_ERROR, a dropped connection PROVIDER_UNAVAILABLE")
  void malformedAndDropped(VertxTestContext ctx) {
    simulator.faults().malformedNext(1);
    ApiException malformed = fails(Operation.LIST, Resource.CONTACT, null, null);
    simulator.faults().dropNext(3);
    ApiException dropped = fails(Operation.LIST, Resource.CONTACT, null, null);
    ctx.verify(() -> {
      assertThat(malformed.code()).isEqualTo(ErrorCode.PROVIDER_ERROR.code());
      assertThat(dropped.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE.code());
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("appointments and writes to owners or pipelines are RESOURCE_NOT_SUPPORTED")
  void unsupported(VertxTestContext ctx) {
    ApiException appointment = fails(Operation.LIST, Resource.APPOINTMENT, null, null);
    ApiException ownerWrite = fails(Operation.CREATE, Resource.OWNER, null, new JsonObject().put("name", "x"));
    ApiException pipelineDelete = fails(Operation.DELETE, Resource.PIPELINE, "1", null);
    ctx.verify(() -> {
      assertThat(appointment.code()).isEqualTo(ErrorCode.RESOURCE_NOT_SUPPORTED.code());
      assertThat(ownerWrite.code()).isEqualTo(ErrorCode.RESOURCE_NOT_SUPPORTED.code());
      assertThat(pipelineDelete.code()).isEqualTo(ErrorCode.RESOURCE_NOT_SUPPORTED.code());
      assertThat(simulator.requestCount("*", "/api/")).as("nothing reached Zoho").isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("Zoho's record-level errors are VALIDATION_ERROR naming the field: a missing mandatory field, a bad lookup")
  void recordErrors(VertxTestContext ctx) {
    ApiException noLastName = fails(Operation.CREATE, Resource.CONTACT, null, new JsonObject().put("first_name", "No"));
    ApiException badAccount = fails(Operation.CREATE, Resource.CONTACT, null,
        new JsonObject().put("last_name", "X").put("account", MISSING));
    ApiException badStage = fails(Operation.CREATE, Resource.DEAL, null,
        new JsonObject().put("name", "X").put("stage", "Daydreaming"));
    ctx.verify(() -> {
      assertThat(noLastName.code()).isEqualTo(ErrorCode.VALIDATION_ERROR.code());
      assertThat(noLastName.getMessage()).contains("Last_Name");
      assertThat(badAccount.code()).as("a missing linked record is not the contact missing")
          .isEqualTo(ErrorCode.VALIDATION_ERROR.code());
      assertThat(badAccount.getMessage()).contains("Account_Name");
      assertThat(badStage.code()).isEqualTo(ErrorCode.VALIDATION_ERROR.code());
      assertThat(badStage.getMessage()).contains("Stage");
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a write asking a single Zoho lookup for two records is refused before anything is sent")
  void singleLookups(VertxTestContext ctx) {
    simulator.resetCounts();
    ApiException twoContacts = fails(Operation.CREATE, Resource.DEAL, null, new JsonObject().put("name", "X")
        .put("stage", "Qualification").put("contacts", new JsonArray().add("1").add("2")));
    ApiException accountAndDeal = fails(Operation.UPDATE, Resource.TASK, MISSING,
        new JsonObject().put("account", "1").put("deal", "2"));
    ctx.verify(() -> {
      assertThat(twoContacts.code()).isEqualTo(ErrorCode.VALIDATION_ERROR.code());
      assertThat(twoContacts.getMessage()).contains("Contact_Name");
      assertThat(accountAndDeal.code()).isEqualTo(ErrorCode.VALIDATION_ERROR.code());
      assertThat(accountAndDeal.getMessage()).contains("What_Id");
      assertThat(simulator.requestCount("*", "/api/")).isZero();
    });
    ctx.completeNow();
  }

  @Test
  @DisplayName("a cursor this adapter did not issue is INVALID_CURSOR")
  void invalidCursor(VertxTestContext ctx) {
    ApiException invalid = failure(send(request(Operation.LIST, Resource.CONTACT, null, null,
        new ProviderRequest.Params("after:42", 10, null, false), connectionId)));
    ctx.verify(() -> assertThat(invalid.code()).isEqualTo(ErrorCode.INVALID_CURSOR.code()));
    ctx.completeNow();
  }
}
