package ai.clavata.flink;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.ClavataClientBuilder;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How each parallel task of a {@link ClavataAsyncFunction} builds its {@link ClavataClient}:
 * serializable, so it travels with the job to the task managers.
 *
 * <pre>{@code
 * ClavataConfig config = ClavataConfig.apiKey(key).withMaxRetries(4);
 * ClavataConfig onCluster = ClavataConfig.apiKeyFromEnv("CLAVATA_API_KEY");
 * }</pre>
 *
 * <p>{@link #apiKey(String)} puts the key into the serialized job graph, which the Flink client
 * submits to the cluster. {@link #apiKeyFromEnv(String)} sends only the variable's name, and each
 * task reads the key from its task manager's environment when it opens. {@link #toString()} never
 * shows the key.
 */
public final class ClavataConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String apiKey;
  private final String apiKeyVariable;
  private final String baseUrl;
  private final Integer maxRetries;
  private final Duration timeout;

  private ClavataConfig(
      String apiKey, String apiKeyVariable, String baseUrl, Integer maxRetries, Duration timeout) {
    this.apiKey = apiKey;
    this.apiKeyVariable = apiKeyVariable;
    this.baseUrl = baseUrl;
    this.maxRetries = maxRetries;
    this.timeout = timeout;
  }

  /**
   * A config with a fixed API key and the SDK's defaults for everything else.
   *
   * @param apiKey the key; not blank
   * @return the config
   * @throws IllegalArgumentException if the key is blank
   */
  public static ClavataConfig apiKey(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be blank");
    }
    return new ClavataConfig(apiKey, null, null, null, null);
  }

  /**
   * A config whose tasks read the API key from an environment variable of their task manager, so
   * that the key is never part of the job graph.
   *
   * @param variable the variable's name, such as {@code CLAVATA_API_KEY}
   * @return the config
   */
  public static ClavataConfig apiKeyFromEnv(String variable) {
    Objects.requireNonNull(variable, "variable");
    return new ClavataConfig(null, variable, null, null, null);
  }

  /**
   * The same config with another base URL (the SDK's default otherwise).
   *
   * @param baseUrl such as {@code https://gateway.app.clavata.ai:8443}
   * @return a new config
   */
  public ClavataConfig withBaseUrl(String baseUrl) {
    return new ClavataConfig(
        apiKey, apiKeyVariable, Objects.requireNonNull(baseUrl, "baseUrl"), maxRetries, timeout);
  }

  /**
   * The same config with another number of retries per call (the SDK retries 429 and 503 answers,
   * honouring {@code Retry-After}; 2 retries by default).
   *
   * @param maxRetries retries after the first attempt; 0 disables them
   * @return a new config
   */
  public ClavataConfig withMaxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
    }
    return new ClavataConfig(apiKey, apiKeyVariable, baseUrl, maxRetries, timeout);
  }

  /**
   * The same config with another limit for each call, retries included (60 s by default). Keep it
   * below the timeout given to {@code AsyncDataStream}, so that the SDK's error, not Flink's
   * timeout, describes a slow call.
   *
   * @param timeout the limit per call
   * @return a new config
   */
  public ClavataConfig withTimeout(Duration timeout) {
    return new ClavataConfig(
        apiKey, apiKeyVariable, baseUrl, maxRetries, Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * Builds a client from this config; called once per task, in {@code open}.
   *
   * @return a new client; the caller closes it
   * @throws IllegalStateException if the key's environment variable is not set
   */
  public ClavataClient newClient() {
    ClavataClientBuilder builder = ClavataClient.builder().apiKey(resolveApiKey());
    if (baseUrl != null) {
      builder.baseUrl(baseUrl);
    }
    if (maxRetries != null) {
      builder.maxRetries(maxRetries);
    }
    if (timeout != null) {
      builder.timeout(timeout);
    }
    return builder.build();
  }

  private String resolveApiKey() {
    if (apiKey != null) {
      return apiKey;
    }
    String key = System.getenv(apiKeyVariable);
    if (key == null || key.isBlank()) {
      throw new IllegalStateException(
          "the environment variable "
              + apiKeyVariable
              + " is not set on this task manager: set it there, or use ClavataConfig.apiKey");
    }
    return key;
  }

  /** Describes the config without the API key. */
  @Override
  public String toString() {
    return "ClavataConfig[apiKey="
        + (apiKey != null ? "<redacted>" : "$" + apiKeyVariable)
        + ", baseUrl="
        + (baseUrl != null ? baseUrl : ClavataClient.DEFAULT_BASE_URL)
        + ", maxRetries="
        + (maxRetries != null ? maxRetries : "default")
        + ", timeout="
        + (timeout != null ? timeout : "default")
        + "]";
  }
}
