package ai.clavata.sdk.errors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an error response said: its HTTP status, the {@code google.rpc.Status} body, and the
 * headers. It is public so that tests of your own code can build any {@link ClavataApiException}.
 *
 * <pre>{@code
 * throw new NotFoundException(ApiError.of(404, GrpcCode.NOT_FOUND, "job not found"));
 * }</pre>
 *
 * @param httpStatus the HTTP status code
 * @param grpcCode the body's gRPC code, or {@code null} when the body had none
 * @param message the server's message, or a bounded excerpt of a body that was not a Status
 * @param details the Status details, each a JSON object as a map (with its {@code @type}); never
 *     {@code null}
 * @param requestId the request id from the response headers, or {@code null}
 * @param headers the response headers, names in lower case; never {@code null}
 */
public record ApiError(
    int httpStatus,
    GrpcCode grpcCode,
    String message,
    List<Map<String, Object>> details,
    String requestId,
    Map<String, List<String>> headers) {

  /**
   * Creates the record, normalizing absent values as documented on the components.
   *
   * @param httpStatus the HTTP status code
   * @param grpcCode the body's gRPC code, or {@code null} when the body had none
   * @param message the server's message, or a bounded excerpt of a body that was not a Status
   * @param details the Status details, each a JSON object as a map (with its {@code @type}); never
   *     {@code null}
   * @param requestId the request id from the response headers, or {@code null}
   * @param headers the response headers, names in lower case; never {@code null}
   */
  public ApiError {
    message = message == null ? "" : message;
    details = details == null ? List.of() : List.copyOf(details);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /**
   * An error with no details, request id or headers: handy in tests.
   *
   * @param httpStatus the HTTP status code
   * @param grpcCode the gRPC code, or {@code null}
   * @param message the server's message
   * @return a new error
   */
  public static ApiError of(int httpStatus, GrpcCode grpcCode, String message) {
    return new ApiError(httpStatus, grpcCode, message, List.of(), null, Map.of());
  }

  /**
   * The first value of a response header.
   *
   * @param name the header name, in any case
   * @return the value, if the header was present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
