package ai.clavata.sdk.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A successful response: the value the plain method returns, plus the HTTP status and headers it
 * came with. The {@code withRawResponse()} view of each sub-client returns these, for the request
 * id to quote in a support ticket or a header the SDK does not model.
 *
 * <pre>{@code
 * ApiResponse<Job> response = client.jobs().withRawResponse().create(request);
 * Job job = response.value();
 * log.info("created {} (request {})", job.jobUuid(), response.requestId().orElse("?"));
 * }</pre>
 *
 * <p>Header names are in lower case, in the order the server sent them, each with its values in
 * order; {@link #header(String)} takes a name in any case. The SDK masks the API key in every value
 * before it builds the record, as it does in the headers of an error. Public so that tests of your
 * own code can build one for a mocked client.
 *
 * @param value what the plain method returns; {@code null} for a method that returns nothing
 * @param statusCode the HTTP status code
 * @param headers the response headers, names in lower case; never {@code null}, immutable
 * @param <T> the type of the value
 */
public record ApiResponse<T>(T value, int statusCode, Map<String, List<String>> headers) {

  /**
   * The headers a request id is read from, in the order tried: the first one present with a
   * non-blank value is the request id. Error responses use the same list for {@code
   * ClavataApiException.requestId()}.
   */
  public static final List<String> REQUEST_ID_HEADERS =
      List.of("x-request-id", "request-id", "grpc-metadata-x-request-id", "x-amzn-requestid");

  /**
   * Creates the record: header names lower-cased (values of names that differ only in case are
   * merged, in order; null values dropped), and headers and their value lists copied to immutable
   * ones.
   *
   * @param value what the plain method returns; {@code null} for a method that returns nothing
   * @param statusCode the HTTP status code
   * @param headers the response headers; {@code null} for none
   */
  public ApiResponse {
    headers = normalize(headers);
  }

  /**
   * The request id the server assigned: the first of {@link #REQUEST_ID_HEADERS} present with a
   * non-blank value.
   *
   * @return the request id, or empty when the response carried none
   */
  public Optional<String> requestId() {
    for (String name : REQUEST_ID_HEADERS) {
      Optional<String> value = header(name);
      if (value.isPresent() && !value.get().isBlank()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /**
   * The first value of a response header.
   *
   * @param name the header name, in any case
   * @return the value, if the header was present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * The same status and headers with another value, for code that turns the value into its own type
   * and keeps the request id with it.
   *
   * <pre>{@code
   * ApiResponse<Decision> decision = raw.withValue(decide(raw.value()));
   * }</pre>
   *
   * @param value the new value
   * @param <U> its type
   * @return a new response with this status and these headers
   */
  public <U> ApiResponse<U> withValue(U value) {
    return new ApiResponse<>(value, statusCode, headers);
  }

  private static Map<String, List<String>> normalize(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    if (headers instanceof FrozenMap) {
      return headers; // built by this constructor already: names lower case, lists immutable
    }
    Map<String, List<String>> merged = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (name != null && values != null) {
            List<String> list =
                merged.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>());
            values.forEach(
                v -> {
                  if (v != null) {
                    list.add(v);
                  }
                });
          }
        });
    merged.replaceAll((name, values) -> List.copyOf(values));
    return FrozenMap.of(merged);
  }
}
