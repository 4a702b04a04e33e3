package ai.clavata.sdk.internal.http;

import static ai.clavata.sdk.TestRequests.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clavata.sdk.MockServerTest;
import ai.clavata.sdk.TestClients;
import ai.clavata.sdk.errors.ClavataIoException;
import ai.clavata.sdk.errors.UnexpectedStatusException;
import ai.clavata.sdk.jobs.CreateJobRequest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** The SDK's redirect rules: capped, never down to plain http, bodies only on 307 and 308. */
class RedirectTest extends MockServerTest {
  private static final String JOB =
      "{\"job\":{\"jobUuid\":\"j1\",\"status\":\"JOB_STATUS_COMPLETED\"}}";
  private static final CreateJobRequest CREATE = createJob();

  private static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location).build();
  }

  @Test
  void aCreateRedirectedWith307IsSentToTheNewPlaceWithItsBodyAndKey() throws Exception {
    server.enqueue(redirect(307, "/v2/jobs"));
    server.enqueue(new MockResponse.Builder().body(JOB).build());
    assertThat(client.jobs().create(CREATE).jobUuid()).isEqualTo("j1");

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getMethod()).isEqualTo("POST");
    assertThat(second.getUrl().encodedPath()).isEqualTo("/v2/jobs");
    assertThat(second.getBody().utf8())
        .isEqualTo(first.getBody().utf8())
        .contains("\"policyId\":\"p\"");
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.API_KEY);
  }

  @Test
  void aRedirectLoopOnACreateStopsAfterFiveHops() throws Exception {
    for (int i = 0; i < 30; i++) {
      server.enqueue(redirect(307, "/v1/jobs"));
    }
    assertThatThrownBy(() -> client.jobs().create(CREATE))
        .isInstanceOf(ClavataIoException.class)
        .hasMessageContaining("too many redirects");
    assertThat(server.getRequestCount()).isEqualTo(1 + RedirectInterceptor.MAX_REDIRECTS);
  }

  @Test
  void a302ToACreateIsNotTurnedIntoAGet() throws Exception {
    server.enqueue(redirect(302, "/elsewhere"));
    assertThatThrownBy(() -> client.jobs().create(CREATE))
        .isInstanceOfSatisfying(
            UnexpectedStatusException.class, e -> assertThat(e.httpStatus()).isEqualTo(302));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRedirectToPlainHttpOnAnotherHostIsRefusedWithoutItsQuery() {
    server.enqueue(redirect(302, "http://storage.example.com/results.csv?X-Amz-Signature=secret"));
    assertThatThrownBy(() -> client.jobs().get("j1"))
        .isInstanceOf(ClavataIoException.class)
        .hasMessageContaining("refused a redirect")
        .hasMessageContaining("plain http http://storage.example.com/results.csv")
        .hasMessageNotContaining("secret");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aGetFollowsARedirectBetweenLoopbackServers() throws Exception {
    server.enqueue(redirect(301, "/v1/jobs/j2"));
    server.enqueue(new MockResponse.Builder().body(JOB).build());
    assertThat(client.jobs().get("j1").jobUuid()).isEqualTo("j1");
    server.takeRequest();
    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath())
        .isEqualTo("/v1/jobs/j2");
  }

  /** A client whose "server" answers every request to {@code https://api.test} with a redirect. */
  private static OkHttpClient redirectingTo(String location) {
    return new OkHttpClient.Builder()
        .addInterceptor(new RedirectInterceptor())
        .addInterceptor(
            chain ->
                new Response.Builder()
                    .request(chain.request())
                    .protocol(Protocol.HTTP_1_1)
                    .code(302)
                    .message("Found")
                    .header("Location", location)
                    .body(ResponseBody.create("", MediaType.get("text/plain")))
                    .build())
        .build();
  }

  @Test
  void neverFollowsHttpsDownToHttpEvenOnLoopback() {
    OkHttpClient client = redirectingTo("http://127.0.0.1/v1/jobs/j1");
    assertThatThrownBy(
            () ->
                client
                    .newCall(new Request.Builder().url("https://api.test/v1/jobs/j1").build())
                    .execute())
        .isInstanceOf(RedirectInterceptor.RefusedRedirect.class)
        .hasMessageContaining(
            "from https://api.test/v1/jobs/j1 to plain http http://127.0.0.1/v1/jobs/j1");
  }

  @Test
  void refusesARedirectToAnotherScheme() {
    OkHttpClient client = redirectingTo("ftp://files.test/x");
    assertThatThrownBy(
            () -> client.newCall(new Request.Builder().url("https://api.test/x").build()).execute())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not an http(s) URL");
  }
}
