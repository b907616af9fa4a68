package io.shopscale.psp.admin;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Import;

/**
 * Puts the admin API into the management context, served on the management port only (listed in
 * META-INF/spring/...ManagementContextConfiguration.imports; the application's own scan leaves this package out).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Import(AdminController.class)
class AdminContextConfiguration {
}
