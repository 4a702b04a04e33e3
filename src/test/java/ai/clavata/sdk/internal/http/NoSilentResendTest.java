package ai.clavata.sdk.internal.http;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.ClavataClientBuilder;
import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.batch.CreateBatchJobRequest;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.errors.UnexpectedStatusException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.stream.EvaluateRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A billable POST is sent once unless the SDK's retry table says otherwise: OkHttp must not re-send
 * it on its own after a connection that broke once the server had read it, after a {@code 503
 * Retry-After: 0}, or after a 408. Requests safe to repeat still recover from a stale pooled
 * connection at once.
 */
class NoSilentResendTest extends MockServerTest {
  private static final String JOB =
      "{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_COMPLETED\"}}";
  private static final String RESULT =
      "{\"result\":{\"jobUuid\":\"j\",\"policyEvaluationReport\":{\"contentMetadata\":{\""
          + EvaluateRequest.INPUT_INDEX_KEY
          + "\":\"0\"}}}}\n";

  private final OkHttpClient callers = new OkHttpClient();

  @AfterEach
  void releaseTheCallersClient() {
    callers.dispatcher().executorService().shutdown();
    callers.connectionPool().evictAll();
  }

  /** A billable call of each feature, and the success body its server would send. */
  enum BillablePost {
    CREATE_JOB(JOB) {
      @Override
      void call(ClavataClient client) {
        client.jobs().create(createJob());
      }
    },
    STREAM(RESULT) {
      @Override
      void call(ClavataClient client) {
        client.stream().evaluateOne("p", ContentData.text("x"));
      }
    },
    CREATE_BATCH_JOB("{\"batchJobId\":\"b1\",\"inputFileUploadUrl\":\"http://localhost/u\"}") {
      @Override
      void call(ClavataClient client) {
        client.batch().create(CreateBatchJobRequest.of("nightly", "p"));
      }
    };

    final String success;

    BillablePost(String success) {
      this.success = success;
    }

    abstract void call(ClavataClient client);
  }

  /** Whether the SDK makes its own OkHttpClient or builds on the caller's. */
  enum Owner {
    SDK,
    CALLER
  }

  private ClavataClient client(Owner owner, Consumer<ClavataClientBuilder> settings) {
    ClavataClientBuilder builder = TestClients.builder(server, timing);
    if (owner == Owner.CALLER) {
      builder.okHttpClient(callers);
    }
    settings.accept(builder);
    return builder.build();
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** A 503 that asks to be retried at once, which OkHttp would re-send by itself. */
  private static MockResponse unavailableRetryNow() {
    return new MockResponse.Builder()
        .code(503)
        .addHeader("Retry-After", "0")
        .body("{\"code\":14}")
        .build();
  }

  /** Read the whole request, then drop the connection instead of answering. */
  private static MockResponse dropAfterReadingTheRequest() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  private List<String> requestLines() throws InterruptedException {
    List<String> lines = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      lines.add(request.getMethod() + " " + request.getUrl().encodedPath());
    }
    return lines;
  }

  static Stream<Arguments> everyBillablePostWithEachOwner() {
    return Arrays.stream(BillablePost.values())
        .flatMap(post -> Arrays.stream(Owner.values()).map(owner -> Arguments.of(post, owner)));
  }

  @ParameterizedTest
  @MethodSource("everyBillablePostWithEachOwner")
  void aPostWhosePooledConnectionBreaksAfterTheServerReadItIsSentOnce(
      BillablePost post, Owner owner) throws Exception {
    server.enqueue(ok(JOB));
    server.enqueue(dropAfterReadingTheRequest());
    server.enqueue(ok(post.success)); // what a silent re-send would get
    try (ClavataClient client = client(owner, b -> {})) {
      client.jobs().get("j1"); // leaves a keep-alive connection in the pool

      assertThatThrownBy(() -> post.call(client)).isInstanceOf(ClavataIoException.class);
    }
    List<String> lines = requestLines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("GET /v1/jobs/j1");
    assertThat(lines.get(1)).startsWith("POST ");
  }

  @ParameterizedTest
  @EnumSource(Owner.class)
  void aReadWhosePooledConnectionWentStaleIsRetriedAtOnceEvenWithoutRetries(Owner owner)
      throws Exception {
    try (ClavataClient client = client(owner, b -> b.maxRetries(0))) {
      server.enqueue(ok(JOB));
      server.enqueue(dropAfterReadingTheRequest());
      server.enqueue(ok(JOB));
      client.jobs().get("j1");

      assertThat(client.jobs().get("j1").jobUuid()).isEqualTo("j1");
    }
    assertThat(requestLines())
        .containsExactly("GET /v1/jobs/j1", "GET /v1/jobs/j1", "GET /v1/jobs/j1");
    assertThat(timing.sleeps()).as("no backoff for a stale connection").isEmpty();
  }

  @Test
  void aReadThatFailsOnAFreshConnectionIsNotRetriedWhenRetriesAreOff() throws Exception {
    server.enqueue(dropAfterReadingTheRequest());
    server.enqueue(ok(JOB));
    try (ClavataClient client = client(Owner.SDK, b -> b.maxRetries(0))) {
      assertThatThrownBy(() -> client.jobs().get("j1")).isInstanceOf(ClavataIoException.class);
    }
    assertThat(requestLines()).containsExactly("GET /v1/jobs/j1");
  }

  @ParameterizedTest
  @EnumSource(Owner.class)
  void withRetriesOffA503WithRetryAfterZeroIsSentOnce(Owner owner) throws Exception {
    server.enqueue(unavailableRetryNow());
    server.enqueue(ok(JOB));
    try (ClavataClient client = client(owner, b -> b.maxRetries(0))) {
      ServerException e =
          catchThrowableOfType(ServerException.class, () -> BillablePost.CREATE_JOB.call(client));
      assertThat(e.httpStatus()).isEqualTo(503);
      assertThat(e.error().header("Retry-After"))
          .as("the caller still sees the header")
          .contains("0");
    }
    assertThat(requestLines()).containsExactly("POST /v1/jobs");
  }

  @ParameterizedTest
  @EnumSource(Owner.class)
  void withRetriesOffA408IsSentOnce(Owner owner) throws Exception {
    server.enqueue(new MockResponse.Builder().code(408).body("request timeout").build());
    server.enqueue(ok(JOB));
    try (ClavataClient client = client(owner, b -> b.maxRetries(0))) {
      assertThatThrownBy(() -> BillablePost.CREATE_JOB.call(client))
          .isInstanceOf(UnexpectedStatusException.class);
    }
    assertThat(requestLines()).containsExactly("POST /v1/jobs");
  }

  @Test
  void aStormOf503sCostsTheDocumentedThreeAttempts() throws Exception {
    for (int i = 0; i < 6; i++) {
      server.enqueue(unavailableRetryNow());
    }
    assertThatThrownBy(() -> BillablePost.CREATE_JOB.call(client))
        .isInstanceOf(ServerException.class);
    assertThat(requestLines()).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(BillablePost.class)
  void aRetryAfterBeyondAnIntIsATypedErrorNotANumberFormatException(BillablePost post)
      throws Exception {
    for (int code : new int[] {503, 408}) {
      server.enqueue(
          new MockResponse.Builder()
              .code(code)
              .addHeader("Retry-After", "99999999999")
              .body("{\"code\":14}")
              .build());
      assertThatThrownBy(() -> post.call(client))
          .as(post + " " + code)
          .isInstanceOfAny(ServerException.class, UnexpectedStatusException.class);
    }
    assertThat(requestLines()).hasSize(2);
  }
}
