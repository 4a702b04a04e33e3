package ai.clavata.sdk.stream;

/**
 * How {@link StreamClient#evaluateAll} splits and paces a long run of items. The defaults are
 * modest, to stay well inside the real API's rate limits; raise them as your account allows.
 *
 * @param batchSize items per stream request, 1 to 1000; 25 by default
 * @param maxConcurrency stream requests in flight at most, 1 to 64; 4 by default. On a 429 or 503
 *     the SDK halves its concurrency and raises it again by one after each request that succeeds
 * @param maxAttempts how many times one item is sent before it is reported unanswered, 1 to 10; 3
 *     by default
 */
public record EvaluateAllOptions(int batchSize, int maxConcurrency, int maxAttempts) {

  /**
   * Checks the options.
   *
   * @param batchSize items per stream request
   * @param maxConcurrency stream requests in flight at most
   * @param maxAttempts sends of one item at most
   * @throws IllegalArgumentException naming the option out of range
   */
  public EvaluateAllOptions {
    requireRange("batchSize", batchSize, 1000);
    requireRange("maxConcurrency", maxConcurrency, 64);
    requireRange("maxAttempts", maxAttempts, 10);
  }

  /**
   * The defaults: 25 items per request, 4 requests in flight, 3 attempts per item.
   *
   * @return the defaults
   */
  public static EvaluateAllOptions defaults() {
    return new EvaluateAllOptions(25, 4, 3);
  }

  /**
   * A builder starting from {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static void requireRange(String name, int value, int max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + max + ", but was " + value);
    }
  }

  /** Builds {@link EvaluateAllOptions}. */
  public static final class Builder {
    private int batchSize = 25;
    private int maxConcurrency = 4;
    private int maxAttempts = 3;

    private Builder() {}

    /**
     * Sets the items per stream request.
     *
     * @param items 1 to 1000
     * @return this builder
     */
    public Builder batchSize(int items) {
      this.batchSize = items;
      return this;
    }

    /**
     * Sets the stream requests in flight at most.
     *
     * @param requests 1 to 64
     * @return this builder
     */
    public Builder maxConcurrency(int requests) {
      this.maxConcurrency = requests;
      return this;
    }

    /**
     * Sets how many times one item is sent before it is reported unanswered.
     *
     * @param attempts 1 to 10
     * @return this builder
     */
    public Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException naming the option out of range
     */
    public EvaluateAllOptions build() {
      return new EvaluateAllOptions(batchSize, maxConcurrency, maxAttempts);
    }
  }
}
