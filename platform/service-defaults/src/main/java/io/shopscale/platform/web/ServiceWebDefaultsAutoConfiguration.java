package io.shopscale.platform.web;

import io.shopscale.platform.admission.AdmissionAutoConfiguration;
import io.shopscale.platform.admission.AdmissionControl;
import io.shopscale.platform.admission.AdmissionProperties;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The web defaults every servlet service gets without writing a line: request ids, problem+json errors, admission
 * control under overload, and for a service with a database, 503 with {@code Retry-After} while it is unreachable.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"},
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        after = AdmissionAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
class ServiceWebDefaultsAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Adaptive admission with priorities (see {@link AdmissionProperties}); after the request id, so that a refusal
     * carries one, and before everything else, so that it costs nothing more.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "shopscale.admission.enabled", matchIfMissing = true)
    static class Admission {

        @Bean
        FilterRegistrationBean<AdmissionFilter> admissionFilter(AdmissionControl admission) {
            FilterRegistrationBean<AdmissionFilter> registration =
                    new FilterRegistrationBean<>(new AdmissionFilter(admission));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }

    /** Tomcat's own errors, raised before a servlet runs, in problem+json like the rest. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrors {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
            return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                // By then the host holds whatever error valves Tomcat and Spring Boot added.
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
                    ProblemReportValve.install(host);
                }
            }));
        }
    }

    /** Any service with a database; one that words the outage itself declares its own advice. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.transaction.TransactionSystemException")
    @ConditionalOnBean(type = "javax.sql.DataSource")
    static class StoreOutage {

        @Bean
        @ConditionalOnMissingBean(StoreOutageAdvice.class)
        StoreOutageAdvice storeOutageAdvice() {
            return new StoreOutageAdvice("database", "This service's data is unavailable right now. Try again shortly.");
        }
    }
}
