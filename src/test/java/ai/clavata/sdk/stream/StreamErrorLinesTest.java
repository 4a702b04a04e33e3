package ai.clavata.sdk.stream;

import static ai.clavata.sdk.TestResponses.ok;
import static ai.clavata.sdk.stream.StreamFixtures.errorLine;
import static ai.clavata.sdk.stream.StreamFixtures.refusalStatus;
import static ai.clavata.sdk.stream.StreamFixtures.request;
import static ai.clavata.sdk.stream.StreamFixtures.result;
import static ai.clavata.sdk.stream.StreamFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.errors.GrpcCode;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.errors.StreamInterruptedException;
import ai.clavata.sdk.model.EvaluationResult;
import ai.clavata.sdk.model.PrecheckFailureType;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Error lines: before and after results, their typed causes, what stays unanswered. */
@Timeout(60)
class StreamErrorLinesTest extends StreamTestBase {
  @Test
  void anErrorLineAfterTwoResultsInterruptsWithARateLimit() {
    server.enqueue(ok(result(3) + result(1) + errorLine(status(8, "slow down")) + result(0)));
    List<EvaluationResult> delivered = new ArrayList<>();
    StreamInterruptedException e;
    try (EvaluationStream stream = client.stream().evaluate(request(4).build())) {
      e =
          catchThrowableOfType(
              StreamInterruptedException.class,
              () -> {
                for (EvaluationResult r : stream) {
                  delivered.add(r);
                }
              });
    }
    assertThat(indexes(delivered)).containsExactly(3, 1);
    assertThat(e).isNotNull();
    assertThat(e.getCause()).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) e.getCause()).grpcCode())
        .contains(GrpcCode.RESOURCE_EXHAUSTED);
    assertThat(((RateLimitException) e.getCause()).message()).isEqualTo("slow down");
    assertThat(e.resultsReceived()).isEqualTo(2);
    assertThat(e.unansweredInputs()).containsExactly(0, 2);
    assertThat(e.results()).as("a plain iteration keeps nothing").isEmpty();
    assertThat(server.getRequestCount()).as("nothing is resubmitted by default").isEqualTo(1);
  }

  @Test
  void anErrorLineAfterTwoResultsInterruptsWithARefusal() {
    server.enqueue(ok(result(0) + result(2) + errorLine(refusalStatus())));
    StreamInterruptedException e;
    try (EvaluationStream stream = client.stream().evaluate(request(3).build())) {
      e = catchThrowableOfType(StreamInterruptedException.class, stream::toList);
    }
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            ContentRefusedException.class,
            refused -> {
              assertThat(refused.grpcCode()).contains(GrpcCode.CANCELLED);
              assertThat(refused.failures()).hasSize(1);
              assertThat(refused.failures().get(0).type()).isEqualTo(PrecheckFailureType.NCMEC);
              assertThat(refused.failures().get(0).contentHash()).isEqualTo("md5::refused");
            });
    assertThat(e.resultsReceived()).isEqualTo(2);
    assertThat(e.unansweredInputs()).containsExactly(1);
    assertThat(e.results()).extracting(EvaluationResult::inputIndex).containsExactly(0, 2);
  }

  @Test
  void anErrorBeforeTheFirstResultWrappedInErrorIsThrownByEvaluate() {
    ClavataClient once = client.withOptions(o -> o.maxRetries(0));
    server.enqueue(
        new MockResponse.Builder().code(429).body(errorLine(status(8, "quota used up"))).build());
    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class, () -> once.stream().evaluate(request(2).build()));
    assertThat(e).isNotNull();
    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(e.grpcCode()).contains(GrpcCode.RESOURCE_EXHAUSTED);
    assertThat(e.message()).isEqualTo("quota used up");

    server.enqueue(new MockResponse.Builder().code(499).body(errorLine(refusalStatus())).build());
    ContentRefusedException refused =
        catchThrowableOfType(
            ContentRefusedException.class, () -> once.stream().evaluate(request(1).build()));
    assertThat(refused.httpStatus()).isEqualTo(499);
    assertThat(refused.failures())
        .extracting(f -> f.type())
        .containsExactly(PrecheckFailureType.NCMEC);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anErrorBeforeTheFirstResultAsABareStatusIsThrownByEvaluate() {
    ClavataClient once = client.withOptions(o -> o.maxRetries(0));
    server.enqueue(new MockResponse.Builder().code(429).body(status(8, "slow")).build());
    RateLimitException e =
        catchThrowableOfType(
            RateLimitException.class, () -> once.stream().evaluate(request(2).build()));
    assertThat(e.message()).isEqualTo("slow");

    server.enqueue(new MockResponse.Builder().code(499).body(refusalStatus()).build());
    ContentRefusedException refused =
        catchThrowableOfType(
            ContentRefusedException.class, () -> once.stream().evaluate(request(1).build()));
    assertThat(refused.message()).isEqualTo("content refused");
    assertThat(refused.failures()).hasSize(1);
  }

  @Test
  void aRateLimitBeforeTheFirstResultIsRetriedThenThrown() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder().code(429).body(errorLine(status(8, "slow"))).build());
    }
    assertThatThrownBy(() -> client.stream().evaluate(request(1).build()))
        .isInstanceOf(RateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).hasSize(2);
  }

  @Test
  void aRateLimitBeforeTheFirstResultIsRetriedUntilTheStreamStarts() {
    server.enqueue(new MockResponse.Builder().code(429).body(errorLine(status(8, "slow"))).build());
    server.enqueue(ok(result(0)));
    assertThat(indexes(collect(request(1).build()))).containsExactly(0);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
  }
}
