package io.remotebank.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.examples.RbCli;
import io.remotebank.examples.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class AuditTrailDemoTest {

    @Test
    void mainDemo_catchesTheForgery_andStillVerifiesAfterErasure() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = RbCli.execute(new PrintWriter(out), new PrintWriter(err), "demo", "audit-trail");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains(
                        "inclusion proof verifies: true", "TAMPERED", "CHAIN at record 15", "\"idNumber\":\"<erased>\"")
                .contains("and the trail still verifies: INTACT")
                .doesNotContain("11010519491231002X");
    }

    @Test
    void json_isOneDocument() throws Exception {
        StringWriter out = new StringWriter();

        int code = RbCli.execute(
                new PrintWriter(out), new PrintWriter(new StringWriter()), "demo", "audit-trail", "--json");

        assertThat(code).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("forgeryDetected").asBoolean()).isTrue();
        assertThat(json.get("verifiesAfterErasure").asBoolean()).isTrue();
    }
}
