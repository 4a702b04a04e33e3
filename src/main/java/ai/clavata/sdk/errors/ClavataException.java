package ai.clavata.sdk.errors;

/**
 * The root of every exception this SDK throws. All are unchecked.
 *
 * <pre>{@code
 * try {
 *   client.jobs().create(request);
 * } catch (RateLimitException e) {
 *   e.retryAfter().ifPresent(backoff::schedule);
 * } catch (ClavataApiException e) {
 *   log.warn("Clavata said {} (request {})", e.httpStatus(), e.requestId().orElse("?"));
 * } catch (ClavataException e) {
 *   log.warn("Clavata call failed", e);
 * }
 * }</pre>
 */
public class ClavataException extends RuntimeException {
  /**
   * Creates an exception.
   *
   * @param message what went wrong and, where possible, how to fix it
   * @param cause the underlying failure, or {@code null}
   */
  public ClavataException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception with no cause.
   *
   * @param message what went wrong and, where possible, how to fix it
   */
  public ClavataException(String message) {
    super(message);
  }
}
