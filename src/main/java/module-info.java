/**
 * The Clavata API client: {@link ai.clavata.sdk.ClavataClient} and its sub-clients, the models and
 * the exceptions. Packages under {@code internal} are not exported.
 */
module ai.clavata.sdk {
  requires transitive okhttp3;
  requires okio;
  requires com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.fasterxml.jackson.dataformat.csv;
  // Only FakeClavataServer (ai.clavata.sdk.testing) uses the JDK's HTTP server.
  requires static jdk.httpserver;

  exports ai.clavata.sdk;
  exports ai.clavata.sdk.batch;
  exports ai.clavata.sdk.errors;
  exports ai.clavata.sdk.events;
  exports ai.clavata.sdk.jobs;
  exports ai.clavata.sdk.labels;
  exports ai.clavata.sdk.model;
  exports ai.clavata.sdk.stream;
  exports ai.clavata.sdk.testing;
  exports ai.clavata.sdk.webhooks;

  // Jackson reads the response records reflectively.
  opens ai.clavata.sdk.model to
      com.fasterxml.jackson.databind;
  opens ai.clavata.sdk.internal.jobs to
      com.fasterxml.jackson.databind;
  opens ai.clavata.sdk.batch to
      com.fasterxml.jackson.databind;
  opens ai.clavata.sdk.internal.batch to
      com.fasterxml.jackson.databind;
  opens ai.clavata.sdk.internal.stream to
      com.fasterxml.jackson.databind;
  opens ai.clavata.sdk.internal.labels to
      com.fasterxml.jackson.databind;
}
