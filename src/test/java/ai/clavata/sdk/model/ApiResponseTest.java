package ai.clavata.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link ApiResponse} record on its own: header normalization, the request id, {@code
 * withValue}.
 */
class ApiResponseTest {

  @Test
  void namesAreLowerCasedAndNamesDifferingInCaseMerged() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("X-Trace", List.of("a"));
    headers.put("x-trace", List.of("b"));
    headers.put("Content-Type", List.of("application/json"));
    ApiResponse<String> response = new ApiResponse<>("v", 200, headers);

    assertThat(response.headers())
        .containsOnlyKeys("x-trace", "content-type")
        .containsEntry("x-trace", List.of("a", "b"));
    assertThat(response.header("X-TRACE")).contains("a");
    assertThat(response.header("content-TYPE")).contains("application/json");
    assertThat(response.header("absent")).isEmpty();
  }

  @Test
  void theHeadersAreAnImmutableCopy() {
    List<String> values = new ArrayList<>(List.of("a"));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-trace", values);
    ApiResponse<String> response = new ApiResponse<>("v", 200, headers);
    values.add("later");
    headers.put("x-later", List.of("z"));

    assertThat(response.headers()).containsOnlyKeys("x-trace");
    assertThat(response.headers().get("x-trace")).containsExactly("a");
    assertThatThrownBy(() -> response.headers().put("x", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> response.headers().get("x-trace").add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullHeadersAndNullValuesAreDropped() {
    assertThat(new ApiResponse<>(null, 204, null).headers()).isEmpty();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("x-a", Arrays.asList(null, "1"));
    headers.put("x-b", null);
    assertThat(new ApiResponse<>(null, 200, headers).headers())
        .containsOnlyKeys("x-a")
        .containsEntry("x-a", List.of("1"));
  }

  @Test
  void theRequestIdIsTheFirstNonBlankOfTheKnownHeaders() {
    assertThat(response("X-Request-Id", "r1", "Request-Id", "r2").requestId()).contains("r1");
    assertThat(response("X-Request-Id", " ", "Request-Id", "r2").requestId()).contains("r2");
    assertThat(response("Grpc-Metadata-X-Request-Id", "g1", "X-Amzn-RequestId", "a1").requestId())
        .contains("g1");
    assertThat(response("X-Amzn-RequestId", "a1", "X-Other", "o").requestId()).contains("a1");
    assertThat(response("X-Other", "o", "X-Correlation-Id", "c").requestId()).isEmpty();
  }

  @Test
  void theKnownRequestIdHeadersAreLowerCaseAndInOrder() {
    assertThat(ApiResponse.REQUEST_ID_HEADERS)
        .containsExactly(
            "x-request-id", "request-id", "grpc-metadata-x-request-id", "x-amzn-requestid");
  }

  @Test
  void equalResponsesAreEqualWhateverTheCaseTheyWereBuiltWith() {
    assertThat(response("X-Request-Id", "r1", "A", "b"))
        .isEqualTo(response("x-request-id", "r1", "a", "b"))
        .hasSameHashCodeAs(response("x-request-id", "r1", "a", "b"));
  }

  private static ApiResponse<String> response(String n1, String v1, String n2, String v2) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put(n1, List.of(v1));
    headers.put(n2, List.of(v2));
    return new ApiResponse<>("v", 200, headers);
  }

  @Test
  void withValueKeepsTheStatusHeadersAndRequestId() {
    ApiResponse<String> response =
        new ApiResponse<>("7", 201, Map.of("X-Request-Id", List.of("req-1")));

    ApiResponse<Integer> parsed = response.withValue(Integer.parseInt(response.value()));

    assertThat(parsed.value()).isEqualTo(7);
    assertThat(parsed.statusCode()).isEqualTo(201);
    assertThat(parsed.headers()).isEqualTo(response.headers());
    assertThat(parsed.requestId()).contains("req-1");
  }
}
