package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.JobStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class AsyncClientTest extends MockServerTest {

  @Test
  void jobsFutureCompletesWithTheJob() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body("{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_RUNNING\"}}")
            .build());
    assertThat(client.async().jobs().get("j1").get(5, TimeUnit.SECONDS).status())
        .isEqualTo(JobStatus.RUNNING);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/jobs/j1");
  }

  @Test
  void jobsFutureFailsWithTheTypedError() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .body("{\"code\":5,\"message\":\"no such job\"}")
            .build());
    assertThatThrownBy(() -> client.async().jobs().get("missing").get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void streamPushesEveryResultInArrivalOrderThenCompletes() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body(TestResponses.resultLine(1) + TestResponses.resultLine(0))
            .build());
    List<Integer> seen = new CopyOnWriteArrayList<>();
    client.async().stream()
        .evaluate(TestRequests.twoItems(), r -> seen.add(r.inputIndex()))
        .get(5, TimeUnit.SECONDS);
    assertThat(seen).containsExactly(1, 0);
  }

  @Test
  void streamFutureFailsWhenTheStreamIsInterrupted() {
    server.enqueue(
        new MockResponse.Builder()
            .body(TestResponses.resultLine(0) + "{\"error\":{\"code\":13,\"message\":\"boom\"}}\n")
            .build());
    List<EvaluationResult> seen = new CopyOnWriteArrayList<>();
    assertThatThrownBy(
            () ->
                client.async().stream()
                    .evaluate(TestRequests.twoItems(), seen::add)
                    .get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(StreamInterruptedException.class);
    assertThat(seen).hasSize(1);
  }

  @Test
  void aListenerThatThrowsFailsTheFutureAndReleasesTheConnection() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body(TestResponses.resultLine(0) + TestResponses.resultLine(1))
            .build());
    IllegalStateException boom = new IllegalStateException("listener failed");
    assertThatThrownBy(
            () ->
                client.async().stream()
                    .evaluate(
                        TestRequests.twoItems(),
                        r -> {
                          throw boom;
                        })
                    .get(5, TimeUnit.SECONDS))
        .hasCause(boom);
    server.enqueue(new MockResponse.Builder().body("{\"job\":{\"jobUuid\":\"j2\"}}").build());
    assertThat(client.jobs().get("j2").jobUuid()).isEqualTo("j2");
  }

  @Test
  void evaluateOneCompletesWithTheReport() throws Exception {
    server.enqueue(new MockResponse.Builder().body(TestResponses.resultLine(0)).build());
    assertThat(
            client.async().stream()
                .evaluateOne("p", ContentData.text("a"))
                .get(5, TimeUnit.SECONDS)
                .contentMetadata())
        .isEmpty();
  }

  @Test
  void callsAfterCloseFailTheFuture() {
    client.close();
    assertThatThrownBy(() -> client.async().jobs().get("j").get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
