package ai.clavata.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.errors.AuthenticationException;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.PrecheckFailureType;
import ai.clavata.sdk.testing.FakeEndpoint;
import ai.clavata.sdk.testing.FakeFailure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;

/** What a failed evaluation becomes: a failure record, or a failed job. */
class FailureHandlingTest extends MiniClusterTestBase {

  @Test
  void refusedPostsBecomeFailureVerdictsAndTheOthersGoOn() throws Exception {
    server.failNext(FakeEndpoint.STREAM, 3, FakeFailure.refused(PrecheckFailureType.NCMEC));
    ClavataAsyncFunction<String, Verdict<String>> function =
        ClavataAsyncFunction.<String>verdicts(config(), POLICY_ID, ContentData::text).build();
    List<String> posts = posts(40);

    List<Verdict<String>> verdicts =
        collect(moderate(environment(), posts, function, Duration.ofSeconds(30)));

    assertThat(verdicts).extracting(Verdict::input).containsExactlyInAnyOrderElementsOf(posts);
    assertThat(verdicts)
        .filteredOn(Verdict::failed)
        .hasSize(3)
        .allSatisfy(
            verdict -> {
              assertThat(verdict.failure()).startsWith("ContentRefusedException: ");
              assertThat(verdict.outcome()).isNull();
              assertThat(verdict.matchedLabels()).isEmpty();
            });
  }

  @Test
  void postsThatOutliveFlinksTimeoutBecomeFailureVerdicts() throws Exception {
    server.streamResultDelay(Duration.ofSeconds(20));
    ClavataAsyncFunction<String, Verdict<String>> function =
        ClavataAsyncFunction.<String>verdicts(config(), POLICY_ID, ContentData::text).build();
    List<String> posts = posts(8);

    List<Verdict<String>> verdicts =
        collect(moderate(environment(), posts, function, Duration.ofMillis(300)));

    assertThat(verdicts).extracting(Verdict::input).containsExactlyInAnyOrderElementsOf(posts);
    assertThat(verdicts)
        .allSatisfy(
            verdict ->
                assertThat(verdict.failure())
                    .startsWith("TimeoutException: no Clavata verdict within the AsyncDataStream"));
  }

  @Test
  void failJobOnErrorFailsTheJobWithTheSdksException() {
    server.failNext(FakeEndpoint.STREAM, 1, FakeFailure.refused(PrecheckFailureType.NCMEC));
    ClavataAsyncFunction<String, String> function =
        ClavataAsyncFunction.<String, String>builder(config(), POLICY_ID, Types.STRING)
            .content(ContentData::text)
            .onReport((post, report) -> post + " " + report.outcome())
            .failJobOnError()
            .build();
    StreamExecutionEnvironment env = environment();
    moderate(env, posts(20), function, Duration.ofSeconds(30)).sinkTo(new DiscardingSink<>());

    assertThatThrownBy(env::execute)
        .satisfies(
            failure ->
                assertThat(ExceptionUtils.findThrowable(failure, ContentRefusedException.class))
                    .isPresent());
  }

  @Test
  void aWrongApiKeyFailsTheJobEvenWithFailureVerdictsAndNeverShowsTheKey() {
    String wrongKey = "wrong-key-" + UUID.randomUUID();
    ClavataConfig config = ClavataConfig.apiKey(wrongKey).withBaseUrl(server.baseUrl());
    ClavataAsyncFunction<String, Verdict<String>> function =
        ClavataAsyncFunction.<String>verdicts(config, POLICY_ID, ContentData::text).build();
    StreamExecutionEnvironment env = environment();
    moderate(env, posts(20), function, Duration.ofSeconds(30)).sinkTo(new DiscardingSink<>());

    assertThatThrownBy(env::execute)
        .satisfies(
            failure -> {
              assertThat(ExceptionUtils.findThrowable(failure, AuthenticationException.class))
                  .isPresent();
              assertThat(ExceptionUtils.stringifyException(failure)).doesNotContain(wrongKey);
            });
  }
}
