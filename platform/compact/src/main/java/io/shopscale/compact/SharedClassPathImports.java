package io.shopscale.compact;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Takes back configuration that a library imported after looking at the shared class path instead of the service's
 * own. Spring Security's servlet configuration decides whether to install its Reactor context hook by asking its own
 * class loader (the shared one) whether WebClient's {@code ExchangeFilterFunction} exists; in the compact JVM it
 * always does, because the gateway brings WebFlux. The hook ({@code Hooks.onLastOperator}) is global to the JVM: every
 * servlet service that installs it wraps every Reactor operator of every service, the gateway's whole proxying
 * pipeline included (measured: 5% of the gateway's CPU samples), while none of them uses WebClient. A service whose
 * own class path has no WebClient does not get the hook here either, exactly as in a process of its own.
 */
final class SharedClassPathImports implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Log log = LogFactory.getLog(SharedClassPathImports.class);

    static final String EXCHANGE_FILTER_FUNCTION = "org.springframework.web.reactive.function.client.ExchangeFilterFunction";

    static final String REACTOR_CONTEXT_CONFIGURATION =
            "org.springframework.security.config.annotation.web.configuration.SecurityReactorContextConfiguration";

    private final ClassLoader serviceView;

    SharedClassPathImports(ClassLoader serviceView) {
        this.serviceView = serviceView;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (ClassUtils.isPresent(EXCHANGE_FILTER_FUNCTION, serviceView)) {
            return;
        }
        // A plain post-processor runs after configuration classes were read, so the import is there to take back.
        context.addBeanFactoryPostProcessor((BeanFactoryPostProcessor) beanFactory -> {
            if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
                return;
            }
            // The configuration class itself, and its bean methods (static ones name the class, others the bean).
            Set<String> configurations = new HashSet<>();
            for (String name : registry.getBeanDefinitionNames()) {
                // Compared by prefix: by now the class may be its CGLIB subclass.
                String type = registry.getBeanDefinition(name).getBeanClassName();
                if (type != null && type.startsWith(REACTOR_CONTEXT_CONFIGURATION)) {
                    configurations.add(name);
                }
            }
            for (String name : registry.getBeanDefinitionNames()) {
                if (configurations.contains(name)
                        || configurations.contains(registry.getBeanDefinition(name).getFactoryBeanName())) {
                    registry.removeBeanDefinition(name);
                    log.debug("left out " + name + ": the service has no WebClient");
                }
            }
        });
    }
}
