package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The callers interceptors: their order, and what they see. */
class ClientInterceptorsTest extends ClavataClientTestBase {
  @Test
  void userInterceptorSeesEveryAttemptButNeverTheKey() throws Exception {
    List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    List<Integer> codes = Collections.synchronizedList(new ArrayList<>());
    Interceptor recorder =
        chain -> {
          authorizations.add(chain.request().header("Authorization"));
          Response response = chain.proceed(chain.request());
          codes.add(response.code());
          return response;
        };
    server.enqueue(unavailable());
    server.enqueue(unavailable());
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        TestClients.builder(server, timing).addInterceptor(recorder).build()) {
      assertThat(client.jobs().get("j").jobUuid()).isEqualTo("j");
    }

    assertThat(authorizations).containsExactly(null, null, null);
    assertThat(codes).containsExactly(503, 503, 200);
    assertThat(timing.sleeps()).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .as("the server still gets the key on every attempt")
          .isEqualTo("Bearer " + TestClients.API_KEY);
    }
  }

  @Test
  void interceptorsRunInTheOrderAdded() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        TestClients.builder(server, timing)
            .addInterceptor(
                chain -> {
                  order.add("first");
                  return chain.proceed(chain.request());
                })
            .addInterceptor(
                chain -> {
                  order.add("second");
                  return chain.proceed(chain.request());
                })
            .build()) {
      client.jobs().get("j");
    }

    assertThat(order).containsExactly("first", "second");
  }

  @Test
  void credentialsSupplierIsAskedOnEveryRequest() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.enqueue(ok(JOB));
    server.enqueue(ok(JOB));

    try (ClavataClient client =
        TestClients.builder(server, timing)
            .credentials(() -> "rotating-key-" + calls.incrementAndGet())
            .build()) {
      client.jobs().get("a");
      client.jobs().get("b");
    }

    Map<String, String> seen = new HashMap<>();
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    seen.put(first.getUrl().pathSegments().get(2), first.getHeaders().get("Authorization"));
    seen.put(second.getUrl().pathSegments().get(2), second.getHeaders().get("Authorization"));
    assertThat(seen.get("a")).startsWith("Bearer rotating-key-");
    assertThat(seen.get("b")).startsWith("Bearer rotating-key-").isNotEqualTo(seen.get("a"));
  }
}
