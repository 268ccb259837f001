package ai.aimass.inference;

import ai.aimass.inference.TestHttp.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The server endpoints of the Open Inference Protocol: health and server metadata. */
class ServerTests extends InferenceIntegrationTests {

    @Autowired
    private ApplicationContext context;

    @Test
    void liveAnswers200() {
        Answer live = this.http.get("/v2/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("live").booleanValue()).isTrue();
    }

    @Test
    void readyAnswers503WhileTheServiceRefusesTrafficAnd200Again() {
        assertThat(this.http.get("/v2/health/ready").status()).isEqualTo(200);
        AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
        try {
            Answer refused = this.http.get("/v2/health/ready");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("ready").booleanValue()).isFalse();
        }
        finally {
            AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        Answer ready = this.http.get("/v2/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("ready").booleanValue()).isTrue();
    }

    @Test
    void serverMetadataFollowsTheProtocolSchemaWithOrWithoutTrailingSlash() {
        for (String path : new String[] { "/v2", "/v2/" }) {
            Answer answer = this.http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(OipSchemas.violations("metadata_server_response", answer.text())).isEmpty();
            assertThat(answer.json().get("name").stringValue()).isEqualTo("aimass-inference");
            assertThat(answer.json().get("extensions").isArray()).isTrue();
        }
    }

    @Test
    void unknownEndpointAnswersNotFoundInTheShapeOfItsPath() {
        Answer oip = this.http.get("/v2/repository/index", keyA());
        assertThat(oip.status()).isEqualTo(404);
        assertThat(oip.json().get("error").stringValue()).isEqualTo("no endpoint GET /v2/repository/index");
        assertThat(oip.json().get("code").stringValue()).isEqualTo("not_found");
        Answer named = this.http.post("/v1/models/breast-cancer:explain", namedRequest(0), keyA());
        assertThat(named.status()).isEqualTo(404);
        assertThat(named.json().get("code").stringValue()).isEqualTo("not_found");
    }

    @Test
    void wrongMethodIsRefused() {
        Answer answer = this.http.get("/v2/models/breast-cancer/infer", keyA());
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.json().get("error").stringValue())
            .isEqualTo("/v2/models/breast-cancer/infer: expected method POST, found GET");
    }

}
