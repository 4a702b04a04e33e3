package ai.clavata.sdk.internal.http;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.errors.AuthenticationException;
import ai.clavata.sdk.errors.BadRequestException;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ConflictException;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.PermissionDeniedException;
import ai.clavata.sdk.errors.ServerException;
import ai.clavata.sdk.errors.UnexpectedStatusException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statuses are retried, for reads and for creates. */
class RetryStatusesTest extends RetryTestBase {

  @ParameterizedTest(name = "GET {0} is not retried")
  @ValueSource(ints = {400, 401, 403, 404, 409, 418, 499, 501})
  void doesNotRetryAClientErrorOrRefusal(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      ClavataApiException e =
          catchThrowableOfType(ClavataApiException.class, () -> client.jobs().get("j1"));
      assertThat(e).isNotNull();
      assertThat(e.httpStatus()).isEqualTo(code);
      Class<?> expected =
          switch (code) {
            case 400 -> BadRequestException.class;
            case 401 -> AuthenticationException.class;
            case 403 -> PermissionDeniedException.class;
            case 404 -> NotFoundException.class;
            case 499 -> ContentRefusedException.class;
            case 501 -> ServerException.class;
            case 409 -> ConflictException.class;
            default -> UnexpectedStatusException.class;
          };
      assertThat(e).isExactlyInstanceOf(expected);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @ParameterizedTest(name = "POST {0} is not retried")
  @ValueSource(ints = {400, 401, 403, 404, 499})
  void doesNotRetryACreateOnAClientErrorOrRefusal(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.retryNonIdempotent(true))) {
      ClavataApiException e =
          catchThrowableOfType(ClavataApiException.class, () -> client.jobs().create(createJob()));
      assertThat(e.httpStatus()).isEqualTo(code);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "POST {0} is not retried by default")
  @ValueSource(ints = {500, 502, 504})
  void doesNotRetryACreateOnAServerErrorByDefault(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      ServerException e =
          catchThrowableOfType(ServerException.class, () -> client.jobs().create(createJob()));
      assertThat(e).isNotNull();
      assertThat(e.httpStatus()).isEqualTo(code);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @ParameterizedTest(name = "POST {0} is retried with retryNonIdempotent")
  @ValueSource(ints = {500, 502, 504})
  void retriesACreateOnAServerErrorWhenOptedIn(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.retryNonIdempotent(true))) {
      assertThat(client.jobs().create(createJob()).jobUuid()).isEqualTo("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
  }

  @ParameterizedTest(name = "POST {0} is retried")
  @ValueSource(ints = {429, 503})
  void retriesACreateOnRateLimitAndUnavailable(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      assertThat(client.jobs().create(createJob()).jobUuid()).isEqualTo("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
  }

  @ParameterizedTest(name = "GET {0} is retried")
  @ValueSource(ints = {429, 500, 502, 503, 504})
  void retriesAReadOnServerErrors(int code) {
    server.enqueue(status(code));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      assertThat(client.jobs().get("j1").jobUuid()).isEqualTo("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).hasSize(1);
  }

  @Test
  void aServerErrorThatOutlastsTheRetriesIsReported() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(502));
    }

    try (ClavataClient client = client()) {
      ServerException e =
          catchThrowableOfType(ServerException.class, () -> client.jobs().get("j1"));
      assertThat(e.httpStatus()).isEqualTo(502);
      assertThat(e.message()).isEqualTo("status 502");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).hasSize(2);
  }

  @Test
  void backsOffExponentiallyWithJitterWithoutRetryAfter() {
    server.enqueue(status(503));
    server.enqueue(status(503));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    List<Duration> sleeps = timing.sleeps();
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void retriesUnreadableRetryAfterWithTheBackoff() {
    server.enqueue(rateLimited("whenever"));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    assertThat(timing.sleeps()).hasSize(1);
    assertThat(timing.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
  }
}
