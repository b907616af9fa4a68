package io.shopscale.psp.admin;

import io.shopscale.psp.PspProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the admin API into the management context, served on the management port only (listed in
 * META-INF/spring/...ManagementContextConfiguration.imports; the application's own scan leaves this package out).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Import(AdminController.class)
class AdminContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AdminContextConfiguration.class);

    /**
     * The token guards {@code /admin/**} alone: health and metrics on the same port stay open to the launcher's
     * probes and to Prometheus. Declared in this context, so the charge port never sees it.
     */
    @Bean
    WebMvcConfigurer adminAuthentication(PspProperties properties) {
        PspProperties.Admin admin = properties.admin();
        if (!admin.requireToken()) {
            log.warn("The admin API answers anyone without a token (shopscale.psp.admin.require-token=false): "
                    + "whoever reaches this port can change the faults and wipe the ledger.");
        }
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                if (admin.requireToken()) {
                    registry.addInterceptor(new AdminAuthentication(admin.token())).addPathPatterns("/admin/**");
                }
            }
        };
    }
}
