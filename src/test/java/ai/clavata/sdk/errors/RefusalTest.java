package ai.clavata.sdk.errors;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.model.PrecheckFailureType;
import ai.clavata.sdk.model.PrecheckMatchConfidence;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Precheck refusals, by code or by PrecheckFailure detail, with their failures. */
class RefusalTest extends ErrorMappingTestBase {
  private static final String NCMEC_DETAIL =
      "{\"@type\":\"type.googleapis.com/clavata.gateway.v1.PrecheckFailure\","
          + "\"type\":\"PRECHECK_FAILURE_TYPE_NCMEC\","
          + "\"message\":\"content matched a known hash\","
          + "\"details\":\"5d41402abc4b2a76b9719d911017c592\","
          + "\"matchConfidence\":\"PRECHECK_MATCH_CONFIDENCE_EXACT\"}";

  @Test
  void readsARefusalSentAs499Cancelled() {
    ClavataApiException e =
        errorFor(
            status(499, "{\"code\":1,\"message\":\"refused\",\"details\":[" + NCMEC_DETAIL + "]}"));

    assertThat(e).isExactlyInstanceOf(ContentRefusedException.class);
    ContentRefusedException refused = (ContentRefusedException) e;
    assertThat(refused.httpStatus()).isEqualTo(499);
    assertThat(refused.grpcCode()).contains(GrpcCode.CANCELLED);
    assertThat(refused.message()).isEqualTo("refused");
    assertThat(refused.details()).hasSize(1);
    assertThat(refused.details().get(0))
        .containsEntry("@type", "type.googleapis.com/clavata.gateway.v1.PrecheckFailure")
        .containsEntry("details", "5d41402abc4b2a76b9719d911017c592");
    assertThat(refused.failures())
        .containsExactly(
            new PrecheckFailure(
                PrecheckFailureType.NCMEC,
                "content matched a known hash",
                "5d41402abc4b2a76b9719d911017c592",
                PrecheckMatchConfidence.EXACT));
    assertThat(refused.getMessage()).isEqualTo("HTTP 499 CANCELLED: refused");
  }

  @Test
  void readsARefusalSentAsFailedPreconditionWithAPrecheckDetail() {
    ClavataApiException e =
        errorFor(
            status(
                400,
                "{\"code\":9,\"message\":\"precheck failed\",\"details\":[" + NCMEC_DETAIL + "]}"));

    assertThat(e).isExactlyInstanceOf(ContentRefusedException.class);
    ContentRefusedException refused = (ContentRefusedException) e;
    assertThat(refused.httpStatus()).isEqualTo(400);
    assertThat(refused.grpcCode()).contains(GrpcCode.FAILED_PRECONDITION);
    assertThat(refused.failures()).hasSize(1);
    PrecheckFailure failure = refused.failures().get(0);
    assertThat(failure.type()).isEqualTo(PrecheckFailureType.NCMEC);
    assertThat(failure.message()).isEqualTo("content matched a known hash");
    assertThat(failure.contentHash()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
    assertThat(failure.matchConfidence()).isEqualTo(PrecheckMatchConfidence.EXACT);
  }

  @Test
  void failedPreconditionWithoutAPrecheckDetailIsABadRequest() {
    ClavataApiException e =
        errorFor(
            status(
                400,
                "{\"code\":9,\"message\":\"not ready\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.PreconditionFailure\",\"violations\":[]}]}"));

    assertThat(e).isExactlyInstanceOf(BadRequestException.class);
    assertThat(e.details()).hasSize(1);
  }

  @Test
  void readsAPrecheckDetailWithoutAtType() {
    ClavataApiException e =
        errorFor(
            status(
                499,
                "{\"code\":1,\"message\":\"bad image\",\"details\":[{\"type\":"
                    + "\"PRECHECK_FAILURE_TYPE_INVALID_IMAGE\",\"message\":\"corrupt jpeg\"}]}"));

    ContentRefusedException refused = (ContentRefusedException) e;
    assertThat(refused.failures())
        .containsExactly(
            new PrecheckFailure(
                PrecheckFailureType.INVALID_IMAGE,
                "corrupt jpeg",
                null,
                PrecheckMatchConfidence.UNSPECIFIED));
  }

  @Test
  void keepsEveryPrecheckFailureInOrderAndSkipsOtherDetails() {
    ClavataApiException e =
        errorFor(
            status(
                400,
                "{\"code\":9,\"message\":\"two\",\"details\":["
                    + "{\"@type\":\"type.googleapis.com/google.rpc.DebugInfo\",\"detail\":\"x\"},"
                    + NCMEC_DETAIL
                    + ",{\"@type\":\"type.googleapis.com/clavata.gateway.v1.PrecheckFailure\","
                    + "\"type\":\"PRECHECK_FAILURE_TYPE_UNSUPPORTED_IMAGE_FORMAT\",\"message\":\"gif\"}]}"));

    ContentRefusedException refused = (ContentRefusedException) e;
    assertThat(refused.details()).hasSize(3);
    assertThat(refused.failures())
        .extracting(PrecheckFailure::type)
        .containsExactly(PrecheckFailureType.NCMEC, PrecheckFailureType.UNSUPPORTED_IMAGE_FORMAT);
  }

  @Test
  void a499WithoutBodyIsStillARefusal() {
    ClavataApiException e = errorFor(new MockResponse.Builder().code(499).build());

    assertThat(e).isExactlyInstanceOf(ContentRefusedException.class);
    assertThat(((ContentRefusedException) e).failures()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("HTTP 499");
  }

  @Test
  void aRefusalIsNotRetried() {
    server.enqueue(
        status(499, "{\"code\":1,\"message\":\"refused\",\"details\":[" + NCMEC_DETAIL + "]}"));
    try (ClavataClient client = TestClients.client(server, timing)) {
      ContentRefusedException e =
          catchThrowableOfType(
              ContentRefusedException.class, () -> client.jobs().create(createJob()));
      assertThat(e).isNotNull();
      assertThat(e.failures()).hasSize(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }
}
