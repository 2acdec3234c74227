package com.mailtrail.mail.outbound;

import java.util.Properties;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** Builds a Jakarta Mail sender for one account, with timeouts and the account's security. */
@Component
class SmtpMailSenders {

	private final OutboundSettings settings;

	SmtpMailSenders(OutboundSettings settings) {
		this.settings = settings;
	}

	JavaMailSenderImpl create(SmtpAccountSettings account, String password) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(account.host());
		sender.setPort(account.port());
		sender.setDefaultEncoding("UTF-8");
		boolean authenticate = account.username() != null && !account.username().isBlank();
		if (authenticate) {
			sender.setUsername(account.username());
			sender.setPassword(password == null ? "" : password);
		}
		String timeout = String.valueOf(this.settings.timeout().toMillis());
		Properties props = sender.getJavaMailProperties();
		props.put("mail.smtp.auth", String.valueOf(authenticate));
		props.put("mail.smtp.connectiontimeout", timeout);
		props.put("mail.smtp.timeout", timeout);
		props.put("mail.smtp.writetimeout", timeout);
		props.put("mail.smtp.ssl.checkserveridentity", "true");
		switch (account.security()) {
			case NONE -> props.put("mail.smtp.starttls.enable", "false");
			case STARTTLS -> {
				props.put("mail.smtp.starttls.enable", "true");
				props.put("mail.smtp.starttls.required", "true");
			}
			case SSL -> props.put("mail.smtp.ssl.enable", "true");
		}
		if (this.settings.trustedHosts().contains(account.host())) {
			props.put("mail.smtp.ssl.trust", account.host());
			props.put("mail.smtp.ssl.checkserveridentity", "false");
		}
		return sender;
	}

}
