package com.mailtrail.platform;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeploymentSecretTests {

	@TempDir
	Path dataDir;

	@Test
	void externalDatabaseWithoutASecretRefusesToStart() {
		assertThatThrownBy(() -> new DeploymentSecret(settings(null), noEmbeddedDatabase()))
			.isInstanceOf(DeploymentSecret.MissingSecretException.class)
			.hasMessageContaining("MAILTRAIL_SECRET must be set");
	}

	@Test
	void shortSecretIsRefused() {
		assertThatThrownBy(() -> new DeploymentSecret(settings("too-short"), noEmbeddedDatabase()))
			.hasMessageContaining("too short");
	}

	@Test
	void embeddedDefaultGeneratesASecretOnceAndKeepsIt() throws Exception {
		var first = new DeploymentSecret(settings(null), embeddedDatabase());
		Path file = this.dataDir.resolve("secret.key");
		assertThat(file).exists();
		assertThat(Files.readString(file).length()).isGreaterThanOrEqualTo(DeploymentSecret.MINIMUM_LENGTH);
		var second = new DeploymentSecret(settings(null), embeddedDatabase());
		assertThat(second.deriveKey("x").getEncoded()).isEqualTo(first.deriveKey("x").getEncoded());
	}

	@Test
	void eachPurposeGetsItsOwnKey() {
		var secret = new DeploymentSecret(settings("0123456789abcdef0123456789abcdef-configured"), noEmbeddedDatabase());
		assertThat(secret.deriveKey("smtp-password").getEncoded()).hasSize(32)
			.isNotEqualTo(secret.deriveKey("tracking-token").getEncoded());
		assertThat(secret.toString()).doesNotContain("configured");
	}

	private PlatformSettings settings(String secret) {
		return new PlatformSettings(this.dataDir, URI.create("http://localhost:8080"), secret);
	}

	private static ObjectProvider<EmbeddedPostgres> noEmbeddedDatabase() {
		return new StaticListableBeanFactory().getBeanProvider(EmbeddedPostgres.class);
	}

	private static ObjectProvider<EmbeddedPostgres> embeddedDatabase() {
		var factory = new StaticListableBeanFactory();
		factory.addBean("embeddedPostgres", org.mockito.Mockito.mock(EmbeddedPostgres.class));
		return factory.getBeanProvider(EmbeddedPostgres.class);
	}

}
