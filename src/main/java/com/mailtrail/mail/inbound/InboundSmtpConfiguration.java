package com.mailtrail.mail.inbound;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the listener's settings and, unless {@code mailtrail.smtp.enabled=false}, the
 * listener itself. The application provides the {@link RecipientRouter} and the
 * {@link InboundMessageStore}; without them the context fails to start, on purpose.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboundSmtpSettings.class)
class InboundSmtpConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "mailtrail.smtp.enabled", matchIfMissing = true)
	SmartBccSmtpServer smartBccSmtpServer(InboundSmtpSettings settings, RecipientRouter router,
			InboundMessageStore store) {
		return new SmartBccSmtpServer(settings, router, store);
	}

}
