package ai.clavata.sdk.events;

import static ai.clavata.sdk.TestResponses.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.FakeTiming;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.TestRequests;
import ai.clavata.sdk.TestResponses;
import ai.clavata.sdk.batch.BatchInput;
import ai.clavata.sdk.batch.BatchInputRow;
import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.model.BatchJobCreated;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.stream.EvaluateRequest;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log lines at each level, and the key in none of them. */
class LoggingTest {
  private static final String KEY = TestClients.API_KEY;

  @StartStop private final MockWebServer server = new MockWebServer();
  private final FakeTiming timing = new FakeTiming();
  private final CapturedLogs logs = new CapturedLogs();

  @AfterEach
  void stopCapturing() {
    logs.close();
    System.clearProperty("clavata.log");
  }

  private ClavataClient client(LogLevel level) {
    return TestClients.builder(server, timing).logLevel(level).build();
  }

  /** A job whose body and headers echo the key back, as a misbehaving proxy might. */
  private static MockResponse echoingJob() {
    return new MockResponse.Builder()
        .setHeader("x-request-id", "req-7")
        .setHeader("X-Echo", "Bearer " + KEY)
        .body(
            "{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_RUNNING\",\"note\":\""
                + KEY
                + "\"}}")
        .build();
  }

  @Test
  void offLogsNothing() {
    server.enqueue(echoingJob());
    try (ClavataClient client = client(LogLevel.OFF)) {
      client.jobs().get("j1");
    }
    assertThat(logs.records).isEmpty();
  }

  @Test
  void infoLogsOneLinePerAttemptWithTheRequestId() {
    server.enqueue(echoingJob());
    try (ClavataClient client = client(LogLevel.INFO)) {
      client.jobs().get("j1");
    }
    assertThat(logs.lines()).hasSize(1);
    assertThat(logs.lines().get(0))
        .startsWith("INFO GET /v1/jobs/j1 -> 200 in ")
        .contains("(attempt 1, request id req-7, call ");
    assertThat(logs.everything()).doesNotContain(KEY);
  }

  @Test
  void infoLogsEachRetryAndTheGivingUp() {
    server.enqueue(TestResponses.unavailable("1"));
    server.enqueue(TestResponses.unavailable("1"));
    server.enqueue(TestResponses.unavailable("1"));
    try (ClavataClient client = client(LogLevel.INFO)) {
      assertThatThrownBy(() -> client.jobs().get("j1")).isInstanceOf(ServerException.class);
    }
    List<String> lines = logs.lines();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("INFO GET /v1/jobs/j1 -> 503");
    assertThat(lines.get(1))
        .startsWith("WARNING GET /v1/jobs/j1: attempt 1 failed (HTTP 503); retrying in 1000 ms");
    assertThat(lines.get(4)).contains("(attempt 3,");
    assertThat(lines.get(5))
        .startsWith("WARNING GET /v1/jobs/j1 gave up after 3 attempts: HTTP 503");
  }

  @Test
  void debugAddsHeadersWithSecretsRedacted() {
    server.enqueue(echoingJob());
    try (ClavataClient client = client(LogLevel.DEBUG)) {
      client.jobs().get("j1");
    }
    String all = logs.everything();
    assertThat(all).contains("--> GET http://", "Authorization: ██", "<-- 200 GET /v1/jobs/j1");
    assertThat(all).contains("X-Echo: Bearer ");
    assertThat(all).doesNotContain(KEY);
    assertThat(logs.lines()).anyMatch(line -> line.startsWith("FINE --> GET"));
    assertThat(all).as("bodies only at trace").doesNotContain("\"jobUuid\"");
  }

  @Test
  void traceAddsBodiesWithTheKeyMasked() {
    server.enqueue(echoingJob());
    try (ClavataClient client = client(LogLevel.TRACE)) {
      client.jobs().create(TestRequests.createJob());
    }
    String all = logs.everything();
    assertThat(all).contains("--> body of POST /v1/jobs", "\"contentData\"");
    assertThat(all).contains("<-- body of POST /v1/jobs", "\"jobUuid\":\"j1\"");
    assertThat(all).doesNotContain(KEY);
  }

  @Test
  void aStreamIsSummarizedNotDumped() {
    server.enqueue(
        ok(
            "{\"result\":{\"jobUuid\":\"j\",\"policyEvaluationReport\":{\"contentMetadata\":"
                + "{\"clavata-sdk-input-index\":\"0\"}}}}\n"));
    EvaluateRequest request =
        EvaluateRequest.builder().policyId("p").addContent(ContentData.text("a")).build();
    try (ClavataClient client = client(LogLevel.TRACE)) {
      assertThat(client.stream().evaluate(request).toList()).hasSize(1);
    }
    String all = logs.everything();
    assertThat(all).contains("a result stream or a file: not shown");
    assertThat(all).contains("stream of 1 input(s) completed: 1 result(s) in ");
    assertThat(all).doesNotContain("policyEvaluationReport");
  }

  @Test
  void aPresignedUrlIsLoggedWithoutItsSignature() throws Exception {
    try (MockWebServer storage = new MockWebServer()) {
      storage.start();
      storage.enqueue(new MockResponse.Builder().code(200).build());
      String url = storage.url("/in/bj-1.csv?X-Amz-Signature=s3cr3t").toString();
      try (ClavataClient client = client(LogLevel.TRACE)) {
        client
            .batch()
            .upload(
                new BatchJobCreated("bj-1", "n", null, url),
                BatchInput.of(List.of(BatchInputRow.text("r1", "hello"))));
      }
    }
    String all = logs.everything();
    assertThat(all).contains("--> PUT http://", "/in/bj-1.csv");
    assertThat(all).doesNotContain("s3cr3t");
  }

  @Test
  void theSystemPropertyTurnsLoggingOn() {
    System.setProperty("clavata.log", "info");
    server.enqueue(echoingJob());
    try (ClavataClient client = TestClients.builder(server, timing).build()) {
      client.jobs().get("j1");
    }
    assertThat(logs.lines()).hasSize(1);
  }

  @Test
  void anUnknownLevelFailsTheBuildClearly() {
    System.setProperty("clavata.log", "verbose");
    assertThatThrownBy(() -> TestClients.builder(server, timing).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clavata.log")
        .hasMessageContaining("use off, info, debug or trace");
  }

  @Test
  void aThrowingListenerIsLoggedAsAWarning() {
    server.enqueue(echoingJob());
    ClavataEventListener broken =
        new ClavataEventListener() {
          @Override
          public void callFinished(CallFinished event) {
            throw new IllegalStateException("metrics are down");
          }
        };
    try (ClavataClient client = TestClients.builder(server, timing).eventListener(broken).build()) {
      client.jobs().get("j1");
    }
    assertThat(logs.records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getMessage()).contains("threw from callFinished; the call goes on");
              assertThat(r.getThrown()).hasMessage("metrics are down");
            });
  }
}
