package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttp;
import org.junit.jupiter.api.Test;

/**
 * Only in the {@code okhttp4} profile: proves that the suite runs on OkHttp 4.12 and the profile's
 * mockwebserver3 stand-in, with no OkHttp 5 class in reach, and that ModulePathTest's module path
 * carries the same OkHttp, Okio and Kotlin jars as this class path.
 */
class OkHttp4RuntimeTest {

  @Test
  void okHttpIsVersion4_12() {
    assertThat(OkHttp.VERSION).startsWith("4.12.");
    assertThat(jarsWith("okhttp3/OkHttpClient.class")).containsExactly("okhttp-4.12.0.jar");
  }

  @Test
  void onlyOneOkioAndOneKotlinStdlib() {
    assertThat(jarsWith("okio/Buffer.class")).hasSize(1);
    assertThat(jarsWith("kotlin/Unit.class")).hasSize(1);
  }

  @Test
  void noOkHttp5NorMockWebServer5Class() {
    assertThatThrownBy(() -> Class.forName("okhttp3.internal._UtilJvmKt"))
        .as("OkHttp 5's internals")
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("mockwebserver3.internal.MockWebServerSocket"))
        .as("mockwebserver3 5.x")
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(resources("mockwebserver3/MockWebServer.class")).hasSize(1);
    assertThat(MockWebServer.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .as("the stand-in, compiled with the tests")
        .endsWith("/test-classes/");
  }

  @Test
  void theModulePathOfModulePathTestHasTheSameJars() throws IOException {
    String runtimeClasspath = System.getProperty("clavata.runtimeClasspath");
    assertThat(runtimeClasspath).as("set by the build").isNotBlank();
    List<String> modulePath = new ArrayList<>();
    for (String entry : runtimeClasspath.split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        try (Stream<Path> jars = Files.list(path)) {
          jars.forEach(jar -> modulePath.add(jar.getFileName().toString()));
        }
      } else {
        modulePath.add(path.getFileName().toString());
      }
    }
    assertThat(modulePath)
        .contains("okhttp-4.12.0.jar")
        .containsAll(jarsWith("okio/Buffer.class"))
        .containsAll(jarsWith("kotlin/Unit.class"))
        .noneMatch(name -> name.startsWith("okhttp-jvm") || name.startsWith("mockwebserver"));
  }

  /** The file names of the class path jars that hold {@code resource}. */
  private static List<String> jarsWith(String resource) {
    List<String> jars = new ArrayList<>();
    for (URL url : resources(resource)) {
      assertThat(url.getProtocol()).as(url.toString()).isEqualTo("jar");
      String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
      jars.add(Path.of(URI.create(file)).getFileName().toString());
    }
    return jars;
  }

  private static List<URL> resources(String name) {
    try {
      return Collections.list(OkHttp4RuntimeTest.class.getClassLoader().getResources(name));
    } catch (IOException e) {
      throw new AssertionError(name, e);
    }
  }
}
