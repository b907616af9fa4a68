package io.shopscale.compact;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One service's view of the shared class path: the classes and resources of the jars that service was built with,
 * and nothing else.
 *
 * <p>Every class is still defined once, by the shared loader, so the services of one JVM share their copy of Spring,
 * its JIT-compiled code and the AOT cache. What a service <em>finds</em> is its own: its {@code application.yml} and
 * {@code db/migration} scripts (every service has both, under the same names), the auto-configurations and
 * service-loader entries listed in its own jars, and {@code @ConditionalOnClass} answers as in a process of its own
 * (the registry's Jersey does not turn the other services' Eureka clients to Jersey).
 *
 * <p>One exception: Spring reads a few factory lists through the shared loader (every jar's {@code spring.factories})
 * and instantiates them through the thread's. Those classes stay loadable; they decide by class presence themselves,
 * through this view, so e.g. WebFlux's web-application-type deducer still finds no WebFlux in a servlet service.
 */
final class ServiceClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader shared;

    private final Set<String> ownJars;

    private final Set<String> anyServicesFactories;

    private final Map<String, Boolean> visibility = new ConcurrentHashMap<>();

    /**
     * @param ownJars file names of the jars on the service's own class path, as they appear on the shared one
     * @param anyServicesFactories the classes named in any {@code META-INF/spring.factories} on the shared class path
     */
    ServiceClassLoader(String service, ClassLoader shared, Set<String> ownJars, Set<String> anyServicesFactories) {
        // The platform loader answers for the JDK; everything else is looked up in the shared one, through this view.
        super(service, ClassLoader.getPlatformClassLoader());
        this.shared = shared;
        this.ownJars = Set.copyOf(ownJars);
        this.anyServicesFactories = Set.copyOf(anyServicesFactories);
    }

    /** The service a thread works for: the nearest service view among its context class loaders. */
    static String serviceOf(ClassLoader loader) {
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current instanceof ServiceClassLoader view) {
                return view.getName();
            }
        }
        return null;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        boolean visible = visibility.computeIfAbsent(name, className -> anyServicesFactories.contains(className)
                || isOwnOrGenerated(shared.getResource(classFile(className))));
        if (!visible) {
            throw new ClassNotFoundException(name + " is not on the class path of " + getName());
        }
        return shared.loadClass(name);
    }

    private static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }

    @Override
    protected URL findResource(String name) {
        try {
            List<URL> own = findOwn(name);
            return own.isEmpty() ? null : own.getFirst();
        }
        catch (IOException unreadable) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return Collections.enumeration(findOwn(name));
    }

    private List<URL> findOwn(String name) throws IOException {
        return Collections.list(shared.getResources(name)).stream().filter(this::isOwn).toList();
    }

    /** Classes without a class file, such as Spring's CGLIB proxies, are defined at run time and belong to no jar. */
    private boolean isOwnOrGenerated(URL classFile) {
        return classFile == null || isOwn(classFile);
    }

    private boolean isOwn(URL url) {
        if (url == null) {
            return false;
        }
        String jar = jarFileName(url);
        return jar != null && ownJars.contains(jar);
    }

    /** {@code jar:file:/…/lib/spring-core-7.0.1.jar!/org/…} → {@code spring-core-7.0.1.jar}; null for anything else. */
    static String jarFileName(URL url) {
        String path = url.getPath();
        if (!"jar".equals(url.getProtocol())) {
            return "file".equals(url.getProtocol()) && path.endsWith(".jar") ? path.substring(path.lastIndexOf('/') + 1) : null;
        }
        int separator = path.indexOf("!/");
        String file = separator < 0 ? path : path.substring(0, separator);
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
