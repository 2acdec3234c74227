package com.mailtrail.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled create the demo tenant at start-up; when not set, it is created only on the embedded default
 */
@ConfigurationProperties("mailtrail.demo")
public record DemoSettings(Boolean enabled) {
}
