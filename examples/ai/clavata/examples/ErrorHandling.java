package ai.clavata.examples;

import ai.clavata.sdk.ClavataClient;
import ai.clavata.sdk.errors.ClavataApiException;
import ai.clavata.sdk.errors.ClavataException;
import ai.clavata.sdk.errors.ContentRefusedException;
import ai.clavata.sdk.errors.NotFoundException;
import ai.clavata.sdk.errors.PrecheckFailure;
import ai.clavata.sdk.errors.RateLimitException;
import ai.clavata.sdk.jobs.CreateJobRequest;
import ai.clavata.sdk.model.ContentData;
import ai.clavata.sdk.model.Job;
import ai.clavata.sdk.model.PrecheckFailureType;
import ai.clavata.sdk.testing.FakeClavataServer;
import ai.clavata.sdk.testing.FakeEndpoint;
import ai.clavata.sdk.testing.FakeFailure;
import java.io.PrintStream;
import java.time.Duration;

/**
 * How failures look and how to handle them: retries that succeed, a rate limit that does not go
 * away, a refused image, a missing job, and a request rejected before it is sent.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexample=ErrorHandling}. Against the fake server
 * the failures are injected; against the real API only the ones you can cause are shown.
 */
public final class ErrorHandling {
  private ErrorHandling() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (ExampleEnvironment env = ExampleEnvironment.open(System.out)) {
      run(env.client(), env.policyId(), env.fakeServer(), System.out);
    }
  }

  static void run(ClavataClient client, String policyId, FakeClavataServer fake, PrintStream out) {
    CreateJobRequest request =
        CreateJobRequest.builder()
            .policyId(policyId)
            .addContent(ContentData.text("hello"))
            .waitForCompletion(true)
            .build();

    if (fake != null) {
      out.println(
          "1. Two 429s, then success: the client retries by itself (honouring Retry-After).");
      fake.failNext(FakeEndpoint.CREATE_JOB, 2, FakeFailure.rateLimited(Duration.ofMillis(300)));
      Job job = client.withOptions(o -> o.maxRetries(3)).jobs().create(request);
      out.println("   created " + job.jobUuid() + " after " + countCreates(fake) + " attempts");

      out.println("2. A rate limit that outlasts the retries: you get RateLimitException.");
      fake.failNext(FakeEndpoint.CREATE_JOB, 1, FakeFailure.rateLimited(Duration.ofSeconds(30)));
      try {
        client.withOptions(o -> o.maxRetries(0)).jobs().create(request);
      } catch (RateLimitException e) {
        out.println("   rate limited; server asks to wait " + e.retryAfter().orElse(null));
      }

      out.println("3. A refused image: ContentRefusedException says why.");
      fake.failNext(FakeEndpoint.STREAM, 1, FakeFailure.refused(PrecheckFailureType.INVALID_IMAGE));
      try {
        client.stream().evaluateOne(policyId, ContentData.image(new byte[] {1, 2, 3}));
      } catch (ContentRefusedException e) {
        for (PrecheckFailure failure : e.failures()) {
          out.println("   refused: " + failure.type() + " (" + failure.message() + ")");
        }
      }
    }

    out.println((fake != null ? "4" : "1") + ". A job that does not exist: NotFoundException.");
    try {
      client.jobs().get("00000000-0000-4000-8000-000000000000");
    } catch (NotFoundException e) {
      out.println(
          "   not found: HTTP " + e.httpStatus() + ", request id " + e.requestId().orElse("-"));
    } catch (ClavataApiException e) {
      out.println("   the API said " + e.getMessage());
    }

    out.println((fake != null ? "5" : "2") + ". Invalid input is refused before anything is sent.");
    try {
      CreateJobRequest.builder()
          .policyId(policyId)
          .threshold(1.5)
          .addContent(ContentData.text("x"))
          .build();
    } catch (IllegalArgumentException e) {
      out.println("   " + e.getMessage());
    } catch (ClavataException e) {
      out.println("   unexpected: " + e);
    }
  }

  private static long countCreates(FakeClavataServer fake) {
    return fake.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().equals("/v1/jobs"))
        .count();
  }
}
