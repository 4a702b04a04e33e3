package ai.clavata.sdk.errors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with an error. The subclass says which kind; this class carries what the
 * response said.
 *
 * <p>Classification uses the gRPC {@code code} of the error body when present, else the HTTP
 * status, so a refusal sent as {@code FAILED_PRECONDITION} (HTTP 400) with a {@code
 * PrecheckFailure} detail is still a {@link ContentRefusedException}.
 */
public class ClavataApiException extends ClavataException {
  private final transient ApiError error;

  /**
   * Creates an exception for an error response.
   *
   * @param error what the response said
   */
  public ClavataApiException(ApiError error) {
    super(describe(error));
    this.error = error;
  }

  /**
   * What the response said.
   *
   * @return the parsed error response
   */
  public ApiError error() {
    return error;
  }

  /**
   * The HTTP status code.
   *
   * @return the status, such as 404
   */
  public int httpStatus() {
    return error.httpStatus();
  }

  /**
   * The gRPC code from the error body.
   *
   * @return the code, or empty when the body carried none (a proxy's HTML page, say)
   */
  public Optional<GrpcCode> grpcCode() {
    return Optional.ofNullable(error.grpcCode());
  }

  /**
   * The server's message, without the status prefix that {@link #getMessage()} adds.
   *
   * @return the message, or an excerpt of a body that was not a Status; never {@code null}
   */
  public String message() {
    return error.message();
  }

  /**
   * The Status details, each a JSON object as a map, including its {@code @type}.
   *
   * @return the details; never {@code null}
   */
  public List<Map<String, Object>> details() {
    return error.details();
  }

  /**
   * The request id the server or a proxy put in the response headers; quote it to support.
   *
   * @return the request id, if one was sent
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(error.requestId());
  }

  /**
   * The response headers, names in lower case.
   *
   * @return the headers; never {@code null}
   */
  public Map<String, List<String>> headers() {
    return error.headers();
  }

  private static String describe(ApiError error) {
    StringBuilder out = new StringBuilder("HTTP ").append(error.httpStatus());
    if (error.grpcCode() != null) {
      out.append(' ').append(error.grpcCode());
    }
    if (!error.message().isEmpty()) {
      out.append(": ").append(error.message());
    }
    if (error.requestId() != null) {
      out.append(" (request id ").append(error.requestId()).append(')');
    }
    return out.toString();
  }
}
