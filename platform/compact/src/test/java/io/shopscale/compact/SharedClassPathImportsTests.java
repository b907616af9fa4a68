package io.shopscale.compact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.support.GenericApplicationContext;

class SharedClassPathImportsTests {

    @Test
    void aServiceWithoutWebClientLosesTheReactorHookItsSecurityImportedFromTheSharedClassPath() {
        try (var context = new GenericApplicationContext()) {
            context.registerBeanDefinition("reactorContext",
                    new RootBeanDefinition(SharedClassPathImports.REACTOR_CONTEXT_CONFIGURATION));
            context.registerBeanDefinition("securityReactorContextSubscriberRegistrar", BeanDefinitionBuilder
                    .genericBeanDefinition(Object.class).setFactoryMethodOnBean("registrar", "reactorContext")
                    .getBeanDefinition());
            context.registerBean("ownBean", StringBuilder.class);

            new SharedClassPathImports(viewWith(false)).initialize(context);
            context.refresh();

            assertThat(context.getBeanDefinitionNames()).contains("ownBean")
                    .doesNotContain("reactorContext", "securityReactorContextSubscriberRegistrar");
        }
    }

    @Test
    void aServiceThatHasWebClientKeepsIt() {
        try (var context = new GenericApplicationContext()) {
            new SharedClassPathImports(viewWith(true)).initialize(context);

            assertThat(context.getBeanFactoryPostProcessors()).isEmpty();
        }
    }

    /** A service's view of the shared class path (which has WebFlux), with WebFlux or without it. */
    private static ClassLoader viewWith(boolean webClient) {
        return new ClassLoader(SharedClassPathImportsTests.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!webClient && name.startsWith("org.springframework.web.reactive.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
    }
}
