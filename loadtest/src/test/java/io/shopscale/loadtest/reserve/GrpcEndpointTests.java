package io.shopscale.loadtest.reserve;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GrpcEndpointTests {

    @Test
    void takesTheFirstInstanceThatIsUpWithAGrpcPort() {
        String json = """
                {"application":{"name":"INVENTORY","instance":[
                  {"hostName":"a","ipAddr":"10.0.0.1","status":"DOWN","port":{"$":8084,"@enabled":"true"},
                   "metadata":{"grpc-port":"40001"}},
                  {"hostName":"b","ipAddr":"10.0.0.2","status":"UP","port":{"$":8084,"@enabled":"true"},
                   "metadata":{"management.port":"8084"}},
                  {"hostName":"c","ipAddr":"10.0.0.3","status":"UP","port":{"$":8086,"@enabled":"true"},
                   "metadata":{"grpc-port":"40003"}}]}}""";

        assertThat(GrpcEndpoint.fromEureka(json, "grpc-port")).isEqualTo(new GrpcEndpoint("10.0.0.3", 40003));
    }

    @Test
    void acceptsASingleInstanceRenderedAsAnObject() {
        String json = """
                {"application":{"name":"INVENTORY","instance":
                  {"hostName":"h","ipAddr":"127.0.0.1","status":"UP","metadata":{"grpc-port":"9090"}}}}""";

        assertThat(GrpcEndpoint.fromEureka(json, "grpc-port")).hasToString("127.0.0.1:9090");
    }

    @Test
    void saysSoWhenNoInstancePublishesThePort() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GrpcEndpoint.fromEureka("{\"application\":{\"instance\":[]}}", "grpc-port"))
                .withMessageContaining("grpc-port");
    }

    @Test
    void parsesHostAndPort() {
        assertThat(GrpcEndpoint.parse("127.0.0.1:9090")).isEqualTo(new GrpcEndpoint("127.0.0.1", 9090));
        assertThatIllegalArgumentException().isThrownBy(() -> GrpcEndpoint.parse("localhost"));
    }
}
