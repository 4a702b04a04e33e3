package ai.clavata.sdk.testing;

import ai.clavata.sdk.internal.Json;
import ai.clavata.sdk.model.PrecheckFailureType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;

/**
 * An error a {@link FakeClavataServer} answers with instead of doing its work: an HTTP status with
 * the gateway's {@code google.rpc.Status} body, and headers such as {@code Retry-After}.
 *
 * <pre>{@code
 * server.failNext(FakeEndpoint.CREATE_JOB, 2, FakeFailure.rateLimited(Duration.ofSeconds(1)));
 * server.failNext(FakeEndpoint.STREAM, 1, FakeFailure.refused(PrecheckFailureType.NCMEC));
 * }</pre>
 */
public final class FakeFailure {
  private final int httpStatus;
  private final int grpcCode;
  private final String message;
  private final Duration retryAfter;
  private final PrecheckFailureType refusal;

  private FakeFailure(
      int httpStatus,
      int grpcCode,
      String message,
      Duration retryAfter,
      PrecheckFailureType refusal) {
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
    this.message = Objects.requireNonNull(message, "message");
    this.retryAfter = retryAfter;
    this.refusal = refusal;
  }

  /**
   * HTTP 429, gRPC {@code RESOURCE_EXHAUSTED}, with a {@code Retry-After} header in whole seconds
   * (rounded up) and, for a wait that is not whole seconds, {@code Retry-After-Ms} too.
   *
   * @param retryAfter the wait to ask for
   * @return the failure
   */
  public static FakeFailure rateLimited(Duration retryAfter) {
    return new FakeFailure(429, 8, "rate limit exceeded", Objects.requireNonNull(retryAfter), null);
  }

  /**
   * HTTP 503, gRPC {@code UNAVAILABLE}.
   *
   * @return the failure
   */
  public static FakeFailure unavailable() {
    return new FakeFailure(503, 14, "the service is unavailable", null, null);
  }

  /**
   * HTTP 499, gRPC {@code CANCELLED}, with a {@code PrecheckFailure} detail: a refusal.
   *
   * @param type why the content is refused
   * @return the failure
   */
  public static FakeFailure refused(PrecheckFailureType type) {
    return new FakeFailure(
        499, 1, "content refused by precheck", null, Objects.requireNonNull(type));
  }

  /**
   * Any status.
   *
   * @param httpStatus the HTTP status
   * @param grpcCode the gRPC code in the body
   * @param message the message in the body
   * @return the failure
   */
  public static FakeFailure status(int httpStatus, int grpcCode, String message) {
    return new FakeFailure(httpStatus, grpcCode, message, null, null);
  }

  int httpStatus() {
    return httpStatus;
  }

  Duration retryAfter() {
    return retryAfter;
  }

  /** The {@code google.rpc.Status} body. */
  ObjectNode status(String contentHash) {
    ObjectNode status =
        Json.MAPPER.createObjectNode().put("code", grpcCode).put("message", message);
    if (refusal != null) {
      status
          .putArray("details")
          .addObject()
          .put("@type", "type.googleapis.com/clavata.gateway.v1.PrecheckFailure")
          .put("type", refusal.wireName())
          .put("message", message)
          .put("details", contentHash == null ? "" : contentHash);
    } else {
      status.putArray("details");
    }
    return status;
  }
}
