package ai.clavata.sdk;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.model.Job;
import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** toString, withOptions copies and close(). */
class ClientLifecycleTest extends ClavataClientTestBase {
  @Test
  void toStringNeverShowsTheKey() {
    try (ClavataClient client = TestClients.client(server, timing);
        ClavataClient supplied =
            TestClients.builder(server, timing).credentials(() -> TestClients.API_KEY).build();
        ClavataClient copy = client.withOptions(o -> o.maxRetries(4))) {
      for (ClavataClient c : List.of(client, supplied, copy)) {
        assertThat(c.toString())
            .doesNotContain(TestClients.API_KEY)
            .doesNotContain(TestClients.API_KEY.substring(3))
            .contains("maxRetries");
      }
      assertThat(copy.toString()).contains("maxRetries=4");
      assertThat(client.toString()).contains("maxRetries=2");
    }
  }

  // ---- withOptions -------------------------------------------------------------------------

  @Test
  void withOptionsCopySharesTheCallersConnectionPool() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    try {
      ClavataClient client = TestClients.builder(server, timing).okHttpClient(shared).build();
      ClavataClient copy = client.withOptions(o -> o.maxRetries(0));
      server.enqueue(ok(JOB));
      server.enqueue(ok(JOB));
      server.enqueue(ok(JOB));

      Job a = client.jobs().get("a");
      Job b = copy.jobs().get("b");
      Job c = client.jobs().get("c");

      assertThat(List.of(a, b, c)).extracting(Job::jobUuid).containsOnly("j");
      assertThat(shared.connectionPool().connectionCount()).isEqualTo(1);
      RecordedRequest first = server.takeRequest();
      RecordedRequest second = server.takeRequest();
      RecordedRequest third = server.takeRequest();
      assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
      assertThat(third.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
      assertThat(second.getUrl().encodedPath()).isEqualTo("/v1/jobs/b");
      assertThat(second.getHeaders().get("Authorization"))
          .isEqualTo("Bearer " + TestClients.API_KEY);
      client.close();
    } finally {
      shutDown(shared);
    }
  }

  @Test
  void withOptionsCopySharesTheOwnedConnectionPool() throws Exception {
    try (ClavataClient client = TestClients.client(server, timing)) {
      ClavataClient copy = client.withOptions(o -> o.maxRetries(0));
      server.enqueue(ok(JOB));
      server.enqueue(ok(JOB));

      client.jobs().get("a");
      copy.jobs().get("b");

      assertThat(server.takeRequest().getConnectionIndex())
          .isEqualTo(server.takeRequest().getConnectionIndex());
    }
  }

  @Test
  void withOptionsChangesOnlyTheCopy() {
    try (ClavataClient client = TestClients.client(server, timing)) {
      ClavataClient noRetries = client.withOptions(o -> o.maxRetries(0));

      server.enqueue(unavailable());
      assertThatThrownBy(() -> noRetries.jobs().get("j")).isInstanceOf(ServerException.class);
      assertThat(server.getRequestCount()).isEqualTo(1);

      server.enqueue(unavailable());
      server.enqueue(ok(JOB));
      assertThat(client.jobs().get("j").jobUuid()).isEqualTo("j");
      assertThat(server.getRequestCount()).as("the original still retries").isEqualTo(3);
    }
  }

  @Test
  void withOptionsCannotSwapTheOkHttpClient() {
    OkHttpClient other = new OkHttpClient();
    try (ClavataClient client = TestClients.client(server, timing)) {
      assertThatThrownBy(() -> client.withOptions(o -> o.okHttpClient(other)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("OkHttpClient");
    } finally {
      shutDown(other);
    }
  }

  // ---- close -------------------------------------------------------------------------------

  @Test
  void closeIsIdempotentAndLaterCallsFailWithoutARequest() {
    ClavataClient client =
        TestClients.builder(server, timing).timeout(Duration.ofSeconds(5)).build();
    client.close();
    assertThatCode(client::close).doesNotThrowAnyException();

    assertThatThrownBy(() -> client.jobs().get("j"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> client.jobs().list())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> client.jobs().create(createJob()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.jobs().listAll().iterator().hasNext())
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void closingTheOriginalStopsItsCopies() {
    ClavataClient client =
        TestClients.builder(server, timing).timeout(Duration.ofSeconds(5)).build();
    ClavataClient copy = client.withOptions(o -> o.maxRetries(0));

    client.close();

    assertThatThrownBy(() -> copy.jobs().get("j")).isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void closingACopyLeavesTheOriginalWorking() {
    try (ClavataClient client = TestClients.client(server, timing)) {
      ClavataClient copy = client.withOptions(o -> o.maxRetries(0));
      copy.close();
      server.enqueue(ok(JOB));

      assertThat(client.jobs().get("j").jobUuid()).isEqualTo("j");
    }
  }

  @Test
  void closeLeavesTheCallersOkHttpClientRunning() throws Exception {
    OkHttpClient callers = new OkHttpClient();
    try {
      ClavataClient client = TestClients.builder(server, timing).okHttpClient(callers).build();
      server.enqueue(ok(JOB));
      client.jobs().get("j");

      client.close();
      client.close();

      assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
      assertThat(callers.connectionPool().connectionCount()).isEqualTo(1);
      // The caller's client itself still works.
      server.enqueue(ok("fine"));
      try (Response response =
          callers.newCall(new Request.Builder().url(server.url("/health")).build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
    } finally {
      shutDown(callers);
    }
  }

  @Test
  void callsAfterCloseFailEvenWithTheCallersOkHttpClient() {
    OkHttpClient callers = new OkHttpClient();
    try {
      // A short real timeout, so that a regression that sends the request fails fast.
      ClavataClient client =
          TestClients.builder(server, timing)
              .okHttpClient(callers)
              .timeout(Duration.ofSeconds(5))
              .build();
      client.close();

      assertThatThrownBy(() -> client.jobs().get("j"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThat(server.getRequestCount()).isZero();
    } finally {
      shutDown(callers);
    }
  }
}
