package ai.clavata.sdk.internal.http;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.model.Job;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** How long retries wait: Retry-After in its forms, the cap, the backoff and the call timeout. */
class RetryWaitsTest extends RetryTestBase {

  @Test
  void succeedsAfterTwoRateLimitsWaitingWhatTheServerAsked() {
    server.enqueue(rateLimited("2"));
    server.enqueue(rateLimited("2"));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      Job job = client.jobs().get("j1");
      assertThat(job.jobUuid()).isEqualTo("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void aCreateIsRetriedAfterARateLimitAndSendsTheSameBodyAgain() throws Exception {
    server.enqueue(rateLimited("1"));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      assertThat(client.jobs().create(createJob()).jobUuid()).isEqualTo("j1");
    }

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(second.getMethod()).isEqualTo("POST");
    assertThat(second.getBody().utf8()).isEqualTo(first.getBody().utf8()).contains("\"policyId\"");
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() {
    server.enqueue(rateLimited(httpDate(Duration.ofSeconds(3))));
    // Read at the virtual time of the second answer (START + 3 s): 7 s from then.
    server.enqueue(rateLimited(httpDate(Duration.ofSeconds(10))));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(7));
  }

  @Test
  void anHttpDateInThePastMeansRetryNow() {
    server.enqueue(rateLimited(httpDate(Duration.ofSeconds(-30))));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(timing.sleeps()).containsExactly(Duration.ZERO);
  }

  @Test
  void honoursRetryAfterMsExactlyAndPrefersItToRetryAfter() {
    server.enqueue(
        new MockResponse.Builder().code(429).addHeader("Retry-After-Ms", "1500").build());
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Retry-After", "9")
            .addHeader("Retry-After-Ms", "250")
            .build());
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(250));
  }

  @Test
  void givesUpAfterMaxRetriesWithTheRateLimitAndItsRetryAfter() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(rateLimited("2"));
    }

    try (ClavataClient client = client(b -> b.maxRetries(2))) {
      RateLimitException e =
          catchThrowableOfType(RateLimitException.class, () -> client.jobs().get("j1"));
      assertThat(e).isNotNull();
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
      assertThat(e.httpStatus()).isEqualTo(429);
      assertThat(e.message()).isEqualTo("slow down");
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void maxRetriesZeroSendsOnce() {
    server.enqueue(rateLimited("1"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.maxRetries(0))) {
      assertThat(catchThrowableOfType(RateLimitException.class, () -> client.jobs().get("j1")))
          .isNotNull();
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void doesNotWaitLongerThanTheCapButReportsTheRateLimitAtOnce() {
    server.enqueue(rateLimited("120"));
    server.enqueue(ok());

    // A call timeout long enough for the wait: only the 30 s cap stops it.
    try (ClavataClient client = client(b -> b.timeout(Duration.ofMinutes(10)))) {
      RateLimitException e =
          catchThrowableOfType(RateLimitException.class, () -> client.jobs().create(createJob()));
      assertThat(e).isNotNull();
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void waitsExactlyTheCap() {
    server.enqueue(rateLimited("30"));
    server.enqueue(ok());

    try (ClavataClient client = client()) {
      client.jobs().get("j1");
    }

    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void doesNotStartAWaitThatWouldOutlastTheCallTimeout() {
    server.enqueue(rateLimited("5"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.timeout(Duration.ofSeconds(1)))) {
      RateLimitException e =
          catchThrowableOfType(RateLimitException.class, () -> client.jobs().get("j1"));
      assertThat(e).isNotNull();
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(timing.sleeps()).isEmpty();
  }

  @Test
  void countsEarlierWaitsAgainstTheCallTimeout() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(rateLimited("2"));
    }

    // 2 s + 2 s fit in 5 s; a third wait would end at 6 s, so the third 429 is reported.
    try (ClavataClient client = client(b -> b.timeout(Duration.ofSeconds(5)).maxRetries(5))) {
      assertThat(catchThrowableOfType(RateLimitException.class, () -> client.jobs().get("j1")))
          .isNotNull();
    }

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void aZeroTimeoutPutsNoBoundOnWaits() {
    server.enqueue(rateLimited("20"));
    server.enqueue(ok());

    try (ClavataClient client = client(b -> b.timeout(Duration.ZERO))) {
      client.jobs().get("j1");
    }

    assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(20));
  }
}
