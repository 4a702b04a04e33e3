package ai.clavata.sdk.internal.http;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataDecodeException;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ClavataTimeoutException;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.ContentData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Unary bodies are read whole inside the retries and never without a bound: a read that breaks
 * half-way is retried for GETs, an oversized or inflating body is a decode error, not an {@code
 * OutOfMemoryError}, and a stalled upload names the write timeout.
 */
class ResponseBodyTest extends MockServerTest {
  private static final String JOB =
      "{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_COMPLETED\"}}";

  private static MockResponse ok(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** A job whose padding field makes the body {@code bytes} long. */
  private static String jobOfSize(int bytes) {
    String start = "{\"job\":{\"jobUuid\":\"j1\",\"padding\":\"";
    String end = "\"}}";
    return start + "x".repeat(bytes - start.length() - end.length()) + end;
  }

  private static Buffer gzip(byte[] bytes, int times) throws IOException {
    Buffer compressed = new Buffer();
    try (GZIPOutputStream out = new GZIPOutputStream(compressed.outputStream())) {
      for (int i = 0; i < times; i++) {
        out.write(bytes);
      }
    }
    return compressed;
  }

  @Test
  void aBodyOverTheLimitIsADecodeErrorThatNamesTheSetting() {
    try (ClavataClient small =
        TestClients.builder(server, timing).maxResponseSize(64 * 1024).build()) {
      server.enqueue(ok(jobOfSize(64 * 1024 + 1)));
      assertThatThrownBy(() -> small.jobs().get("j1"))
          .isInstanceOf(ClavataDecodeException.class)
          .hasMessageContaining("GET /v1/jobs/j1")
          .hasMessageContaining("larger than the 64 KiB limit")
          .hasMessageContaining("maxResponseSize(...)");

      server.enqueue(ok(jobOfSize(64 * 1024)));
      assertThat(small.jobs().get("j1").jobUuid()).as("exactly at the limit").isEqualTo("j1");
    }
    assertThat(server.getRequestCount()).as("an oversized body is not retried").isEqualTo(2);
  }

  @Test
  void theDefaultLimitStopsAHundredMegabyteBodyAfterSixteen() {
    server.enqueue(ok(jobOfSize(100 << 20)));
    assertThatThrownBy(() -> client.jobs().get("j1"))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("16 MiB");
  }

  @Test
  void aGzipBombIsStoppedByTheLimitOnTheInflatedBytes() throws Exception {
    Buffer bomb = gzip(new byte[1 << 20], 100); // 100 MiB of zeros in about 100 KB
    assertThat(bomb.size()).isLessThan(200_000);
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .addHeader("Content-Encoding", "gzip")
            .body(bomb)
            .build());
    assertThatThrownBy(() -> client.jobs().get("j1"))
        .isInstanceOf(ClavataDecodeException.class)
        .hasMessageContaining("larger than the 16 MiB limit");
    assertThat(server.takeRequest().getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
  }

  @Test
  void aGzippedBodyUnderTheLimitIsRead() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .addHeader("Content-Encoding", "gzip")
            .body(gzip(JOB.getBytes(StandardCharsets.UTF_8), 1))
            .build());
    assertThat(client.jobs().get("j1").jobUuid()).isEqualTo("j1");
  }

  @Test
  void aLimitBelowOneKilobyteIsRefused() {
    assertThatThrownBy(() -> ClavataClient.builder().maxResponseSize(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxResponseSize must be at least 1024 bytes");
    assertThatThrownBy(() -> ClavataClient.builder().maxStreamLineSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxStreamLineSize");
  }

  @Test
  void aReadWhoseBodyBreaksHalfWayIsRetried() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body(jobOfSize(200_000))
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());
    server.enqueue(ok(JOB));
    assertThat(client.jobs().get("j1").jobUuid()).isEqualTo("j1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
  }

  @Test
  void aCreateWhoseBodyBreaksHalfWayIsNotSentAgain() {
    server.enqueue(
        new MockResponse.Builder()
            .body(jobOfSize(200_000))
            .onResponseBody(new SocketEffect.CloseSocket())
            .build());
    server.enqueue(ok(JOB));
    CreateJobRequest request = createJob();
    assertThatThrownBy(() -> client.jobs().create(request))
        .isInstanceOf(ClavataIoException.class)
        .hasMessageContaining("POST /v1/jobs");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aStalledUploadNamesTheWriteTimeout() {
    server.enqueue(
        ok(JOB).newBuilder().doNotReadRequestBody().headersDelay(5, TimeUnit.SECONDS).build());
    CreateJobRequest huge =
        CreateJobRequest.builder()
            .policyId("p")
            .addContent(ContentData.text("x".repeat(32 << 20)))
            .build();
    try (ClavataClient hurried =
        TestClients.builder(server, timing)
            .writeTimeout(Duration.ofMillis(200))
            .maxRetries(0)
            .build()) {
      assertThatThrownBy(() -> hurried.jobs().create(huge))
          .isInstanceOf(ClavataTimeoutException.class)
          .hasMessageContaining("writeTimeout(...)")
          .hasMessageNotContaining("readTimeout");
    }
  }

  @Test
  void aSlowAnswerAfterTheUploadStillNamesTheReadTimeout() {
    server.enqueue(ok(JOB).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    CreateJobRequest request = createJob();
    try (ClavataClient hurried =
        TestClients.builder(server, timing)
            .readTimeout(Duration.ofMillis(200))
            .maxRetries(0)
            .build()) {
      assertThatThrownBy(() -> hurried.jobs().create(request))
          .isInstanceOf(ClavataTimeoutException.class)
          .hasMessageContaining("readTimeout(...)")
          .hasMessageNotContaining("writeTimeout");
    }
  }
}
