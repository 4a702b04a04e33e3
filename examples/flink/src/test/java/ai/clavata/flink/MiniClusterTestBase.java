package ai.clavata.flink;

import ai.clavata.sdk.testing.FakeClavataServer;
import ai.clavata.sdk.testing.FakePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jobs on one Flink MiniCluster with four slots, against a fresh {@link FakeClavataServer} per test
 * whose policy flags posts that say "hurt".
 */
abstract class MiniClusterTestBase {
  static final int PARALLELISM = 4;
  static final String POLICY_ID = "test-policy";

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(PARALLELISM)
              .build());

  FakeClavataServer server;

  @BeforeEach
  void startServer() {
    server = FakeClavataServer.start();
    server.policy(POLICY_ID, FakePolicy.keywords("Threats", "hurt"));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** The config of a client for the fake server. */
  ClavataConfig config() {
    return ClavataConfig.apiKey(server.apiKey()).withBaseUrl(server.baseUrl());
  }

  /** An environment on the MiniCluster, parallelism 4, that fails a job instead of restarting. */
  static StreamExecutionEnvironment environment() {
    Configuration configuration = new Configuration();
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    env.setParallelism(PARALLELISM);
    return env;
  }

  /** {@code count} distinct posts; every fifth one says "hurt". */
  static List<String> posts(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "post " + i + (i % 5 == 0 ? ": I will hurt you" : ": have a nice day"))
        .toList();
  }

  /** The posts of {@code env} evaluated by {@code function}, unordered, 50 in flight per task. */
  static <OUT> DataStream<OUT> moderate(
      StreamExecutionEnvironment env,
      List<String> posts,
      ClavataAsyncFunction<String, OUT> function,
      Duration timeout) {
    return AsyncDataStream.unorderedWait(
        env.fromData(posts), function, timeout.toMillis(), TimeUnit.MILLISECONDS, 50);
  }

  /** Runs the job and returns everything the stream emitted. */
  static <T> List<T> collect(DataStream<T> stream) throws Exception {
    List<T> out = new ArrayList<>();
    try (CloseableIterator<T> results = stream.executeAndCollect("clavata test")) {
      results.forEachRemaining(out::add);
    }
    return out;
  }

  /** How many stream requests the fake server received, failed ones included. */
  long streamRequests() {
    return server.requests().stream().filter(r -> r.path().equals("/v1/jobs/stream")).count();
  }
}
