package ai.clavata.sdk;

import ai.clavata.sdk.events.ClavataEventListener;
import ai.clavata.sdk.events.LogLevel;
import ai.clavata.sdk.internal.Timing;
import ai.clavata.sdk.internal.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/** An immutable snapshot of a {@link ClavataClientBuilder}'s settings. */
record ClientConfig(
    Supplier<String> credentials,
    String baseUrl,
    RetryPolicy retryPolicy,
    Duration timeout,
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    OkHttpClient okHttpClient,
    List<Interceptor> interceptors,
    long maxResponseSize,
    long maxStreamLineSize,
    int maxIdleConnections,
    Duration keepAlive,
    Executor asyncExecutor,
    ClavataEventListener eventListener,
    LogLevel logLevel,
    Timing timing) {

  /** The default largest unary response body: 16 MiB, four times gRPC's default message size. */
  static final long DEFAULT_MAX_RESPONSE_SIZE = 16L << 20;

  /** The default largest stream line, one report: 2 MiB, hundreds of times a typical one. */
  static final long DEFAULT_MAX_STREAM_LINE_SIZE = 2L << 20;

  /**
   * The default idle connections kept by the pool the SDK creates: well above the thread counts
   * services run on one client (OkHttp's own default of 5 makes 16 threads reconnect constantly).
   */
  static final int DEFAULT_MAX_IDLE_CONNECTIONS = 64;

  /** How long an idle pooled connection is kept: OkHttp's default, 5 minutes. */
  static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(5);

  static ClientConfig defaults() {
    return new ClientConfig(
        null,
        ClavataClient.DEFAULT_BASE_URL,
        RetryPolicy.DEFAULT,
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        null,
        List.of(),
        DEFAULT_MAX_RESPONSE_SIZE,
        DEFAULT_MAX_STREAM_LINE_SIZE,
        DEFAULT_MAX_IDLE_CONNECTIONS,
        DEFAULT_KEEP_ALIVE,
        null,
        ClavataEventListener.NONE,
        null,
        Timing.SYSTEM);
  }

  /**
   * The log level: the builder's, else the {@code clavata.log} system property, else the {@code
   * CLAVATA_LOG} environment variable, else {@link LogLevel#OFF}.
   *
   * @throws IllegalArgumentException if the property or variable names no level
   */
  LogLevel resolvedLogLevel() {
    if (logLevel != null) {
      return logLevel;
    }
    String property = System.getProperty("clavata.log");
    String variable = System.getenv("CLAVATA_LOG");
    String setting = property != null && !property.isBlank() ? property : variable;
    if (setting == null || setting.isBlank()) {
      return LogLevel.OFF;
    }
    try {
      return LogLevel.parse(setting);
    } catch (IllegalArgumentException e) {
      String source = setting == property ? "the clavata.log system property" : "CLAVATA_LOG";
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  Supplier<String> requireCredentials() {
    if (credentials == null) {
      throw new IllegalArgumentException(
          "No Clavata API key: set the CLAVATA_API_KEY environment variable (or the clavata.apiKey"
              + " system property) and use ClavataClient.fromEnv(), or call"
              + " ClavataClient.builder().apiKey(...) or .credentials(...)");
    }
    return credentials;
  }

  /** Lists the settings, never the key. */
  @Override
  public String toString() {
    return "baseUrl="
        + baseUrl
        + ", maxRetries="
        + retryPolicy.maxRetries()
        + ", retryNonIdempotent="
        + retryPolicy.retryNonIdempotent()
        + ", timeout="
        + timeout
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", writeTimeout="
        + writeTimeout
        + ", maxResponseSize="
        + maxResponseSize
        + ", maxStreamLineSize="
        + maxStreamLineSize
        + (okHttpClient == null
            ? ", maxIdleConnections=" + maxIdleConnections + ", keepAlive=" + keepAlive
            : ", okHttpClient=supplied")
        + ", asyncExecutor="
        + (asyncExecutor == null ? "dispatcher" : "supplied")
        + ", logLevel="
        + (logLevel == null ? "from CLAVATA_LOG" : logLevel)
        + ", eventListener="
        + (eventListener == ClavataEventListener.NONE ? "none" : "set")
        + ", interceptors="
        + interceptors.size();
  }
}
