package dev.lamina.config.internal.parse;

import static dev.lamina.config.internal.parse.ParseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

class XmlParsingTest {

    private static ConfigObject xml(String text) {
        return ParseFixtures.parse("app.xml", Format.XML, text);
    }

    @Test
    void childElementsAndAttributesBecomeKeysOfStrings() {
        ConfigObject root = xml("<config>\n  <server port=\"8080\">\n    <host>a</host>\n  </server>\n</config>");
        assertThat(at(root, "server.port")).isEqualTo(new ConfigScalar("8080", ScalarType.STRING, Origin.of("app.xml", 2, 3)));
        // StAX reports the position after the text, so only the line of element text is exact.
        assertThat(((ConfigScalar) at(root, "server.host")).text()).isEqualTo("a");
        assertThat(at(root, "server.host").origin().line()).isEqualTo(3);
    }

    @Test
    void aServletContainerShapedDocumentLoadsWithItsAttributesAndRepeatedElements() {
        // The shape of Apache Tomcat's default conf/server.xml (tried as a whole through configctl; written here in
        // our own words): attributes next to child elements of other names, repeated elements, a commented-out
        // element between two of them, attributes spread over lines. The clash rule must not refuse any of it.
        String doc = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- a container: one server, one service -->
                <Server port="8005" shutdown="STOP">
                  <Listener className="example.VersionLogger" />
                  <Listener className="example.LifecycleListener" mode="on" />
                  <Service name="main">
                    <Connector port="8080" protocol="HTTP/1.1"
                               connectionTimeout="20000" redirectPort="8443" />
                    <!--
                    <Connector port="8443" scheme="https" secure="true" />
                    -->
                    <Connector port="8009" protocol="AJP/1.3" />
                    <Engine name="main" defaultHost="localhost">
                      <Host name="localhost" appBase="webapps" autoDeploy="true"></Host>
                    </Engine>
                  </Service>
                </Server>
                """;
        ConfigObject root = xml(doc);
        assertThat(((ConfigScalar) at(root, "port")).text()).isEqualTo("8005");
        assertThat(((ConfigScalar) at(root, "Listener[1].mode")).text()).isEqualTo("on");
        assertThat(((ConfigScalar) at(root, "Service.Connector[1].port")).text()).isEqualTo("8009");
        assertThat(((ConfigScalar) at(root, "Service.Connector[0].redirectPort")).text())
                .isEqualTo("8443");
        assertThat(((ConfigScalar) at(root, "Service.Engine.Host.appBase")).text()).isEqualTo("webapps");
        assertThat(at(root, "Service.Engine.Host.appBase").origin().line()).isEqualTo(14);
    }

    @Test
    void repeatedElementsBecomeAList() {
        ConfigObject root = xml("<config><broker>a</broker><broker>b</broker><broker>c</broker></config>");
        assertThat(at(root, "broker")).isInstanceOf(ConfigList.class);
        assertThat(((ConfigList) at(root, "broker")).items()).extracting(n -> ((dev.lamina.config.ConfigScalar) n).text()).containsExactly("a", "b", "c");
    }

    @Test
    void textNextToAttributesGoesUnderValue() {
        ConfigObject root = xml("<config><timeout unit=\"s\">30</timeout></config>");
        assertThat(((ConfigScalar) at(root, "timeout.value")).text()).isEqualTo("30");
        assertThat(((ConfigScalar) at(root, "timeout.unit")).text()).isEqualTo("s");
    }

    @Test
    void rejectsAnyDoctype() {
        assertThatThrownBy(() -> xml("<?xml version=\"1.0\"?>\n<!DOCTYPE config>\n<config/>"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.xml:2:")
                .hasMessageContaining("DOCTYPE is not allowed");
    }

    @Test
    void neverReadsExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<config><a>&xxe;</a></config>";
        assertThatThrownBy(() -> xml(doc))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("DOCTYPE is not allowed")
                .hasMessageNotContaining("TOPSECRET");
    }

    @Test
    void rejectsUndeclaredEntityReferences() {
        assertThatThrownBy(() -> xml("<config>\n<a>&xxe;</a></config>"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.xml:2:")
                .hasMessageContaining("entity references are not allowed");
    }

    @Test
    void rejectsASecondRootElement() {
        assertThatThrownBy(() -> xml("<config/>\n<other/>"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.xml:2:")
                .hasMessageContaining("exactly one root element");
    }

    @Test
    void emptyDocumentIsAnEmptyObject() {
        assertThat(xml("").isEmpty()).isTrue();
        assertThat(xml("<?xml version=\"1.0\"?>\n<!-- nothing -->\n").isEmpty()).isTrue();
    }

    @Test
    void malformedXmlIsReportedWithoutQuotingIt() {
        assertThatThrownBy(() -> xml("<config><password>hunter2</passw></config>"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.xml:1:")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("passw>");
    }
}
