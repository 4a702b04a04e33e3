package ai.clavata.sdk;

import ai.clavata.sdk.events.ClavataEventListener;
import ai.clavata.sdk.events.LogLevel;
import ai.clavata.sdk.internal.Timing;
import ai.clavata.sdk.internal.Validation;
import ai.clavata.sdk.internal.http.ApiKeys;
import ai.clavata.sdk.internal.http.RetryPolicy;
import ai.clavata.sdk.internal.http.Urls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Settings for a {@link ClavataClient}.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>Setting</th><th>Default</th></tr>
 *   <tr><td>{@link #apiKey} / {@link #credentials}</td><td>required
 *       ({@code CLAVATA_API_KEY} with {@link #fromEnv()})</td></tr>
 *   <tr><td>{@link #baseUrl}</td><td>{@value ClavataClient#DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>{@link #maxRetries}</td><td>2</td></tr>
 *   <tr><td>{@link #timeout}</td><td>60 s per call, retries included</td></tr>
 *   <tr><td>{@link #connectTimeout}</td><td>10 s</td></tr>
 *   <tr><td>{@link #readTimeout}</td><td>30 s between bytes</td></tr>
 *   <tr><td>{@link #writeTimeout}</td><td>30 s between bytes</td></tr>
 *   <tr><td>{@link #retryNonIdempotent}</td><td>false</td></tr>
 *   <tr><td>{@link #maxResponseSize}</td><td>16 MiB</td></tr>
 *   <tr><td>{@link #maxStreamLineSize}</td><td>2 MiB</td></tr>
 *   <tr><td>{@link #maxIdleConnections}</td><td>64</td></tr>
 *   <tr><td>{@link #keepAlive}</td><td>5 min</td></tr>
 *   <tr><td>{@link #asyncExecutor}</td><td>the OkHttp dispatcher's threads</td></tr>
 *   <tr><td>{@link #logLevel}</td><td>{@code CLAVATA_LOG} or {@code clavata.log}, else off</td></tr>
 *   <tr><td>{@link #eventListener}</td><td>none</td></tr>
 * </table>
 */
public final class ClavataClientBuilder {
  private Supplier<String> credentials;
  private String baseUrl;
  private RetryPolicy retryPolicy;
  private Duration timeout;
  private Duration connectTimeout;
  private Duration readTimeout;
  private Duration writeTimeout;
  private OkHttpClient okHttpClient;
  private final List<Interceptor> interceptors;
  private long maxResponseSize;
  private long maxStreamLineSize;
  private int maxIdleConnections;
  private Duration keepAlive;
  private Executor asyncExecutor;
  private ClavataEventListener eventListener;
  private LogLevel logLevel;
  private Timing timing;

  ClavataClientBuilder(ClientConfig config) {
    this.credentials = config.credentials();
    this.baseUrl = config.baseUrl();
    this.retryPolicy = config.retryPolicy();
    this.timeout = config.timeout();
    this.connectTimeout = config.connectTimeout();
    this.readTimeout = config.readTimeout();
    this.writeTimeout = config.writeTimeout();
    this.okHttpClient = config.okHttpClient();
    this.interceptors = new ArrayList<>(config.interceptors());
    this.maxResponseSize = config.maxResponseSize();
    this.maxStreamLineSize = config.maxStreamLineSize();
    this.maxIdleConnections = config.maxIdleConnections();
    this.keepAlive = config.keepAlive();
    this.asyncExecutor = config.asyncExecutor();
    this.eventListener = config.eventListener();
    this.logLevel = config.logLevel();
    this.timing = config.timing();
  }

  /** The caller's OkHttp client, if one was set. */
  OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  ClientConfig snapshot() {
    return new ClientConfig(
        credentials,
        baseUrl,
        retryPolicy,
        timeout,
        connectTimeout,
        readTimeout,
        writeTimeout,
        okHttpClient,
        List.copyOf(interceptors),
        maxResponseSize,
        maxStreamLineSize,
        maxIdleConnections,
        keepAlive,
        asyncExecutor,
        eventListener,
        logLevel,
        timing);
  }

  /**
   * Sets a fixed API key.
   *
   * @param apiKey the key from the Clavata console; surrounding whitespace is stripped
   * @return this builder
   * @throws IllegalArgumentException if the key is blank or holds a character that cannot be sent
   *     in a header (a line break, NUL, other control characters, whitespace or non-ASCII); the
   *     message says which and where, never the key
   */
  public ClavataClientBuilder apiKey(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException(
          "apiKey must not be blank; pass the key from the Clavata console or set CLAVATA_API_KEY");
    }
    String key = apiKey.strip();
    String problem = ApiKeys.problem(key);
    if (problem != null) {
      throw new IllegalArgumentException(
          "the API key cannot be sent in an HTTP header: "
              + problem
              + "; check how it was loaded (a file or variable may hold more than the key)");
    }
    credentials = () -> key;
    return this;
  }

  /**
   * Sets a supplier asked for the API key on every request, for keys that rotate.
   *
   * @param credentials returns the current key; must be fast and thread-safe
   * @return this builder
   */
  public ClavataClientBuilder credentials(Supplier<String> credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  /**
   * Reads the API key and base URL from system properties ({@code clavata.apiKey}, {@code
   * clavata.baseUrl}) or else environment variables ({@code CLAVATA_API_KEY}, {@code
   * CLAVATA_BASE_URL}); unset ones leave the builder as it is.
   *
   * @return this builder
   */
  public ClavataClientBuilder fromEnv() {
    return fromEnv(System::getenv, System::getProperty);
  }

  ClavataClientBuilder fromEnv(Function<String, String> env, Function<String, String> properties) {
    String key = firstSet(properties.apply("clavata.apiKey"), env.apply("CLAVATA_API_KEY"));
    if (key != null) {
      apiKey(key);
    }
    String url = firstSet(properties.apply("clavata.baseUrl"), env.apply("CLAVATA_BASE_URL"));
    if (url != null) {
      baseUrl(url);
    }
    return this;
  }

  /**
   * Sets the API's base URL. Plain {@code http://} is accepted only for loopback hosts.
   *
   * @param baseUrl such as {@code https://gateway.app.clavata.ai:8443}; a path prefix is kept
   * @return this builder
   * @throws IllegalArgumentException if the URL is invalid or plain http to another host
   */
  public ClavataClientBuilder baseUrl(String baseUrl) {
    Urls.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
    this.baseUrl = baseUrl.strip();
    return this;
  }

  /**
   * Sets how many times a failed call is retried; 0 disables retries.
   *
   * @param maxRetries retries after the first attempt
   * @return this builder
   */
  public ClavataClientBuilder maxRetries(int maxRetries) {
    retryPolicy = retryPolicy.withMaxRetries(maxRetries);
    return this;
  }

  /**
   * Also retries job-creating POSTs after a 500, 502, 504 or read timeout. Off by default because
   * the job may have been created and billed before the failure.
   *
   * @param retry whether to retry them
   * @return this builder
   */
  public ClavataClientBuilder retryNonIdempotent(boolean retry) {
    retryPolicy = retryPolicy.withRetryNonIdempotent(retry);
    return this;
  }

  /**
   * Sets the total time for one unary call, retries and waits included; zero means none. Streams
   * are not bound by it: they use {@link #readTimeout} between lines.
   *
   * @param timeout the per-call timeout
   * @return this builder
   */
  public ClavataClientBuilder timeout(Duration timeout) {
    this.timeout = Validation.requireNonNegative("timeout", timeout);
    return this;
  }

  /**
   * Sets the time allowed to open a connection.
   *
   * @param timeout the connect timeout; zero means none
   * @return this builder
   */
  public ClavataClientBuilder connectTimeout(Duration timeout) {
    connectTimeout = Validation.requireNonNegative("connectTimeout", timeout);
    return this;
  }

  /**
   * Sets the longest silence while reading a response (the idle timeout of a stream).
   *
   * @param timeout the read timeout; zero means none
   * @return this builder
   */
  public ClavataClientBuilder readTimeout(Duration timeout) {
    readTimeout = Validation.requireNonNegative("readTimeout", timeout);
    return this;
  }

  /**
   * Sets the longest stall while sending a request.
   *
   * @param timeout the write timeout; zero means none
   * @return this builder
   */
  public ClavataClientBuilder writeTimeout(Duration timeout) {
    writeTimeout = Validation.requireNonNegative("writeTimeout", timeout);
    return this;
  }

  /**
   * Builds on your application's {@code OkHttpClient}: the SDK derives its client with {@link
   * OkHttpClient#newBuilder()}, so it shares the connection pool and dispatcher, and {@link
   * ClavataClient#close()} leaves them to you.
   *
   * @param okHttpClient the client to share
   * @return this builder
   */
  public ClavataClientBuilder okHttpClient(OkHttpClient okHttpClient) {
    this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
    return this;
  }

  /**
   * Sets the largest unary response body the client reads, after gzip decoding. A larger one fails
   * with a {@link ai.clavata.sdk.errors.ClavataDecodeException} instead of filling the heap. The
   * records parsed from a body take a few times its size (up to about 30 times for a body of
   * nothing but tiny objects), so lower it for a small heap.
   *
   * @param bytes at least 1024; 16 MiB by default
   * @return this builder
   */
  public ClavataClientBuilder maxResponseSize(long bytes) {
    maxResponseSize = Validation.requireSize("maxResponseSize", bytes);
    return this;
  }

  /**
   * Sets the largest line of a result stream: one result. A longer one ends the stream with a
   * {@link ai.clavata.sdk.errors.StreamInterruptedException} whose cause is a {@link
   * ai.clavata.sdk.errors.ClavataDecodeException}; the stream as a whole has no size limit.
   *
   * @param bytes at least 1024; 2 MiB by default
   * @return this builder
   */
  public ClavataClientBuilder maxStreamLineSize(long bytes) {
    maxStreamLineSize = Validation.requireSize("maxStreamLineSize", bytes);
    return this;
  }

  /**
   * Sets how many idle connections the pool the SDK creates keeps open for reuse. Every thread
   * calling at once needs a connection of its own (HTTP/1.1 carries one call at a time), so a pool
   * smaller than the number of threads makes connections close and reopen, each a TLS handshake;
   * keep it at least the number of threads that share the client. Connections in use are never
   * limited. Not available with {@link #okHttpClient}: that client's pool is yours.
   *
   * @param connections at least 1; 64 by default
   * @return this builder
   */
  public ClavataClientBuilder maxIdleConnections(int connections) {
    if (connections < 1) {
      throw new IllegalArgumentException(
          "maxIdleConnections must be at least 1, was " + connections);
    }
    maxIdleConnections = connections;
    return this;
  }

  /**
   * Sets how long an idle pooled connection stays open. Not available with {@link #okHttpClient}:
   * that client's pool is yours.
   *
   * @param keepAlive positive; 5 minutes by default
   * @return this builder
   */
  public ClavataClientBuilder keepAlive(Duration keepAlive) {
    this.keepAlive = Validation.requirePositive("keepAlive", keepAlive);
    return this;
  }

  /**
   * Runs the work of {@link ClavataClient#async()} on your executor instead of the OkHttp
   * dispatcher's threads: for example {@code Executors.newVirtualThreadPerTaskExecutor()} on Java
   * 21 or newer, so that a thousand open streams need no thousand platform threads. Waits between
   * polls and retries never occupy it: they are timers on the client's scheduler thread. The
   * executor stays yours; {@link ClavataClient#close()} does not shut it down.
   *
   * <pre>{@code
   * ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
   * ClavataClient client = ClavataClient.builder().fromEnv().asyncExecutor(virtualThreads).build();
   * }</pre>
   *
   * @param executor runs each async call's blocking steps
   * @return this builder
   */
  public ClavataClientBuilder asyncExecutor(Executor executor) {
    this.asyncExecutor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Sets how much the client logs, through {@link System.Logger} {@code ai.clavata.sdk}; see {@link
   * LogLevel}. Without it, the {@code clavata.log} system property or the {@code CLAVATA_LOG}
   * environment variable decides ({@code off}, {@code info}, {@code debug} or {@code trace}), and
   * nothing is logged when neither is set. No level logs the API key.
   *
   * @param level the level
   * @return this builder
   */
  public ClavataClientBuilder logLevel(LogLevel level) {
    this.logLevel = Objects.requireNonNull(level, "level");
    return this;
  }

  /**
   * Sets the listener that hears every call, attempt, retry, stream end and poll of this client,
   * for metrics or tracing. It is called synchronously on the thread doing the work; one that
   * throws is logged and does not break the call.
   *
   * <pre>{@code
   * .eventListener(new ClavataEventListener() {
   *   public void retryScheduled(RetryScheduled retry) { retries.increment(); }
   * })
   * }</pre>
   *
   * @param listener the listener
   * @return this builder
   */
  public ClavataClientBuilder eventListener(ClavataEventListener listener) {
    this.eventListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Adds an OkHttp interceptor for logging or metrics. It runs inside the retries, so it sees every
   * attempt, and before redirects and authentication, so it never sees the API key. An {@code
   * HttpLoggingInterceptor} at {@code HEADERS} level is safe here; at {@code BODY} level it holds a
   * whole result stream back until the stream ends.
   *
   * @param interceptor the interceptor
   * @return this builder
   */
  public ClavataClientBuilder addInterceptor(Interceptor interceptor) {
    interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
    return this;
  }

  /** For tests: the clock and sleeper behind retries and polls. */
  ClavataClientBuilder timing(Timing timing) {
    this.timing = timing;
    return this;
  }

  /**
   * Builds the client.
   *
   * @return a new client
   * @throws IllegalArgumentException if no API key is set; the message says how to set one
   */
  public ClavataClient build() {
    ClientConfig config = snapshot();
    config.requireCredentials();
    config.resolvedLogLevel();
    if (okHttpClient != null
        && (maxIdleConnections != ClientConfig.DEFAULT_MAX_IDLE_CONNECTIONS
            || !keepAlive.equals(ClientConfig.DEFAULT_KEEP_ALIVE))) {
      throw new IllegalArgumentException(
          "maxIdleConnections and keepAlive configure the pool the SDK creates; with"
              + " okHttpClient(...) the pool is your client's: set it with"
              + " OkHttpClient.Builder.connectionPool(...)");
    }
    return new ClavataClient(config, SharedHttp.of(config), false);
  }

  private static String firstSet(String first, String second) {
    if (first != null && !first.isBlank()) {
      return first;
    }
    return second != null && !second.isBlank() ? second : null;
  }
}
