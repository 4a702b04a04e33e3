package ai.clavata.sdk;

import ai.clavata.sdk.internal.Timing;
import ai.clavata.sdk.internal.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
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
    Timing timing) {

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
        Timing.SYSTEM);
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

  static Duration requireTimeout(String name, Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero (none) or positive, but was " + timeout);
    }
    return timeout;
  }

  /** Lists the settings, never the key. */
  @Override
  public String toString() {
    return "baseUrl=" + baseUrl
        + ", maxRetries=" + retryPolicy.maxRetries()
        + ", retryNonIdempotent=" + retryPolicy.retryNonIdempotent()
        + ", timeout=" + timeout
        + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout
        + ", writeTimeout=" + writeTimeout
        + ", interceptors=" + interceptors.size();
  }
}
