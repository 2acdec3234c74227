package com.mailtrail.platform;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param dataDir where the embedded database and other local data live
 * @param publicUrl the base URL put into links inside emails (tracking, unsubscribe)
 * @param secret key material for encryption and signing; generated into the data directory when the embedded
 * database is used, required otherwise
 */
@Validated
@ConfigurationProperties("mailtrail.platform")
public record PlatformSettings(@NotNull Path dataDir, @NotNull URI publicUrl, String secret) {

	@Override
	public String toString() {
		return "PlatformSettings[dataDir=" + this.dataDir + ", publicUrl=" + this.publicUrl + ", secret=<hidden>]";
	}

}
