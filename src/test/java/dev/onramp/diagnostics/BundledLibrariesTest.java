package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every library Onramp ships has its licence in About Onramp, checked against the pom's own dependencies. */
class BundledLibrariesTest {
    @Test
    void everyRuntimeDependencyOfThePom_isListedWithItsLicence() throws Exception {
        List<BundledLibraries.Library> libraries = BundledLibraries.all();

        assertThat(runtimeDependenciesOfThePom()).isNotEmpty().allSatisfy(coordinates -> assertThat(libraries)
                .as(coordinates).anySatisfy(library -> assertThat(library.group() + ":" + library.artifact())
                        .isEqualTo(coordinates)));
        // The build's list has their own dependencies too (Jackson's core, Tink's protobuf…): each has a licence.
        assertThat(libraries).hasSizeGreaterThan(runtimeDependenciesOfThePom().size())
                .allSatisfy(library -> assertThat(library.licence()).as(library.artifact()).isNotEqualTo("unknown"));
        assertThat(libraries).anySatisfy(library -> assertThat(library.line())
                .isEqualTo("H2 Database Engine (h2 2.5.252): MPL-2.0 or EPL-1.0"));
    }

    @Test
    void theLogosNotice_isTheBundledOne() {
        assertThat(BundledLibraries.logosNotice()).startsWith("Provider logos").contains("CC0 1.0 Universal");
    }

    @Test
    void aLineOfMavensList_givesGroupArtifactAndVersion_withOrWithoutClassifier() {
        assertThat(BundledLibraries.parse("   org.openjfx:javafx-base:jar:linux:25.0.4:compile")).hasValueSatisfying(
                parts -> assertThat(parts).containsExactly("org.openjfx", "javafx-base", "25.0.4"));
        assertThat(BundledLibraries.parse("   info.picocli:picocli:jar:4.7.7:compile -- module info.picocli"))
                .hasValueSatisfying(parts -> assertThat(parts).containsExactly("info.picocli", "picocli", "4.7.7"));
        assertThat(BundledLibraries.parse("The following files have been resolved:")).isEmpty();
    }

    /** group:artifact of each dependency in pom.xml that is not only for the tests. */
    private static List<String> runtimeDependenciesOfThePom() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        List<String> found = new ArrayList<>();
        NodeList each = pom.getDocumentElement().getElementsByTagName("dependency");
        for (int i = 0; i < each.getLength(); i++) {
            Element dependency = (Element) each.item(i);
            if (!dependency.getParentNode().getParentNode().getNodeName().equals("project")) {
                continue; // dependencyManagement's, a plugin's
            }
            String scope = text(dependency, "scope");
            if (scope.equals("test") || scope.equals("provided")) {
                continue;
            }
            found.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
        }
        return found;
    }

    private static String text(Element element, String tag) {
        NodeList found = element.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
