package com.mailtrail.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled create the demo tenant at start-up and run the mail catcher; when not set, only on the embedded
 * default
 * @param mailCatcherPort the loopback port of the demo mail catcher (0: any free port)
 * @param mailCatcherKeep how many caught messages the catcher keeps in memory (the oldest go first)
 */
@ConfigurationProperties("mailtrail.demo")
public record DemoSettings(Boolean enabled, @DefaultValue("1025") int mailCatcherPort,
		@DefaultValue("200") int mailCatcherKeep) {
}
