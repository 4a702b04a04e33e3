package ai.clavata.flink;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Outcome;
import ai.clavata.sdk.testing.FakeEndpoint;
import ai.clavata.sdk.testing.FakeFailure;
import ai.clavata.sdk.testing.FakeRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** Every post gets exactly one verdict, one call per post or in batches, 429s and all. */
class ExactlyOneVerdictTest extends MiniClusterTestBase {
  private static final int POSTS = 200;
  private static final int RATE_LIMITS = 5;

  @Test
  void everyPostGetsOneVerdictThoughSomeCallsAreRateLimited() throws Exception {
    server.failNext(
        FakeEndpoint.STREAM, RATE_LIMITS, FakeFailure.rateLimited(Duration.ofMillis(50)));
    // As many retries as injected 429s: no call can run out of them, however the 429s fall.
    ClavataAsyncFunction<String, Verdict<String>> function =
        ClavataAsyncFunction.<String>verdicts(
                config().withMaxRetries(RATE_LIMITS), POLICY_ID, ContentData::text)
            .build();
    StreamExecutionEnvironment env = environment();
    List<String> posts = posts(POSTS);

    List<Verdict<String>> verdicts =
        collect(moderate(env, posts, function, Duration.ofSeconds(30)));

    assertThat(verdicts).extracting(Verdict::input).containsExactlyInAnyOrderElementsOf(posts);
    assertThat(verdicts).noneMatch(Verdict::failed);
    assertThat(verdicts)
        .filteredOn(Verdict::flagged)
        .extracting(Verdict::input)
        .allMatch(post -> post.contains("hurt"))
        .hasSize(POSTS / 5);
    assertThat(verdicts)
        .filteredOn(verdict -> verdict.outcome() == Outcome.FALSE)
        .hasSize(POSTS - POSTS / 5);
    assertThat(streamRequests()).isEqualTo(POSTS + RATE_LIMITS);
  }

  @Test
  void batchesSendSeveralPostsPerRequestAndStillAnswerEachOnce() throws Exception {
    server.failNext(FakeEndpoint.STREAM, 3, FakeFailure.rateLimited(Duration.ofMillis(50)));
    ClavataAsyncFunction<String, Verdict<String>> function =
        ClavataAsyncFunction.<String>verdicts(
                config().withMaxRetries(3), POLICY_ID, ContentData::text)
            .batch(10, Duration.ofMillis(50))
            .build();
    StreamExecutionEnvironment env = environment();
    List<String> posts = posts(POSTS);

    List<Verdict<String>> verdicts =
        collect(moderate(env, posts, function, Duration.ofSeconds(30)));

    assertThat(verdicts).extracting(Verdict::input).containsExactlyInAnyOrderElementsOf(posts);
    assertThat(verdicts).noneMatch(Verdict::failed);
    assertThat(verdicts).filteredOn(Verdict::flagged).hasSize(POSTS / 5);
    List<Integer> batchSizes =
        server.requests().stream()
            .filter(r -> r.path().equals("/v1/jobs/stream"))
            .map(ExactlyOneVerdictTest::items)
            .toList();
    assertThat(batchSizes).allMatch(size -> size >= 1 && size <= 10);
    assertThat(batchSizes.size()).isLessThan(POSTS / 2);
  }

  private static int items(FakeRequest request) {
    try {
      return new ObjectMapper().readTree(request.body()).get("contentData").size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
