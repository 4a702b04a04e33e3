package ai.clavata.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README as a newcomer copies it: every Java snippet imports the SDK types it uses, every
 * import names a type that exists, and the Install section shows the version this build makes.
 */
class ReadmeSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^ *```java\\n(.*?)^ *```");
  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;");
  private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\b");
  private static final Pattern STRING_OR_COMMENT = Pattern.compile("\"[^\"\\n]*\"|(?<=\\s)//.*");
  private static final List<Path> SOURCE_ROOTS =
      List.of(Path.of("src/main/java"), Path.of("examples/flink/src/main/java"));

  /** JDK types the snippets use, held to the same rule. */
  private static final List<Class<?>> JDK_TYPES =
      List.of(
          Duration.class,
          Instant.class,
          List.class,
          ExecutorService.class,
          Executors.class,
          TimeUnit.class);

  private static String readme;
  private static List<String> snippets;
  private static Map<String, String> publicTypes;

  @BeforeAll
  static void read() throws IOException {
    readme = Files.readString(Path.of("README.md"));
    snippets = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    while (block.find()) {
      snippets.add(block.group(1));
    }
    publicTypes = publicTypes();
  }

  @Test
  void everySnippetImportsTheSdkTypesItUses() {
    assertThat(snippets).hasSizeGreaterThan(15);
    List<String> missing = new ArrayList<>();
    for (String snippet : snippets) {
      Set<String> imported = imports(snippet);
      String code =
          STRING_OR_COMMENT.matcher(IMPORT.matcher(snippet).replaceAll("")).replaceAll("");
      Matcher name = TYPE_NAME.matcher(code);
      Set<String> needed = new TreeSet<>();
      while (name.find()) {
        String type = publicTypes.get(name.group());
        if (type != null && !imported.contains(type)) {
          needed.add(type);
        }
      }
      if (!needed.isEmpty()) {
        missing.add(needed + " in the snippet starting " + firstLine(snippet));
      }
    }
    assertThat(missing).as("imports missing from README snippets").isEmpty();
  }

  @Test
  void everyImportNamesARealType() throws ClassNotFoundException {
    List<String> unknown = new ArrayList<>();
    for (String snippet : snippets) {
      for (String type : imports(snippet)) {
        if (type.startsWith("ai.clavata.")) {
          if (!publicTypes.containsValue(type)) {
            unknown.add(type);
          }
        } else if (type.startsWith("java.")) {
          Class.forName(type);
        }
      }
    }
    assertThat(unknown).as("README imports of SDK types that do not exist").isEmpty();
  }

  @Test
  void installShowsTheVersionThisBuildMakes() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher version =
        Pattern.compile("<artifactId>clavata-java</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(version.find()).isTrue();
    String install = readme.substring(readme.indexOf("## Install"));
    assertThat(install).contains("<version>" + version.group(1) + "</version>");
  }

  private static Set<String> imports(String snippet) {
    Set<String> imports = new TreeSet<>();
    Matcher line = IMPORT.matcher(snippet);
    while (line.find()) {
      imports.add(line.group(1));
    }
    return imports;
  }

  private static String firstLine(String snippet) {
    return snippet.lines().filter(l -> !l.isBlank()).findFirst().orElse("").trim();
  }

  /**
   * Simple name to qualified name, for each public top-level type of the SDK and the Flink API, and
   * the JDK types snippets use.
   */
  private static Map<String, String> publicTypes() throws IOException {
    Map<String, String> types = new TreeMap<>();
    for (Class<?> type : JDK_TYPES) {
      types.put(type.getSimpleName(), type.getName());
    }
    for (Path root : SOURCE_ROOTS) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String relative = root.relativize(file).toString().replace('/', '.');
          String name = file.getFileName().toString().replace(".java", "");
          if (relative.endsWith(".java")
              && !relative.contains(".internal.")
              && !name.contains("-")
              && Files.readString(file)
                  .matches("(?s).*\\bpublic\\b[\\w\\s]*\\b" + name + "\\b.*")) {
            types.put(name, relative.substring(0, relative.length() - ".java".length()));
          }
        }
      }
    }
    return types;
  }
}
