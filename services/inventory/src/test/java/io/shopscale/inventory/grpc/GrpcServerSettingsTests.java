package io.shopscale.inventory.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.appinfo.ApplicationInfoManager;
import com.netflix.appinfo.InstanceInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class GrpcServerSettingsTests {

    @Test
    void theBoundPortIsPublishedAsDiscoveryMetadata() {
        InstanceInfo instance = InstanceInfo.Builder.newBuilder().setAppName("inventory").build();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("eureka", new ApplicationInfoManager(null, instance));
        GrpcServerSettings settings = new GrpcServerSettings(beans.getBeanProvider(ApplicationInfoManager.class));

        settings.publish(43123);

        assertThat(instance.getMetadata()).containsEntry("grpc-port", "43123");
        assertThat(instance.isDirty()).isTrue();
    }
}
