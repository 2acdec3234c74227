package com.mailtrail.mail.settings;

import com.mailtrail.mail.outbound.SmtpAccount;
import com.mailtrail.mail.outbound.SmtpAccountSettings;
import com.mailtrail.mail.outbound.SmtpSecurity;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

class SmtpAccountForm {

	@NotBlank(message = "Enter the SMTP server's host name, e.g. smtp.gmail.com.")
	@Pattern(regexp = "^[A-Za-z0-9.:\\[\\]-]+$", message = "A host name has only letters, digits, dots and dashes.")
	@Size(max = 255, message = "That host name is too long.")
	private String host;

	@NotNull(message = "Enter the port, usually 587 (STARTTLS) or 465 (SSL/TLS).")
	@Min(value = 1, message = "A port is a number from 1 to 65535.")
	@Max(value = 65535, message = "A port is a number from 1 to 65535.")
	private Integer port = 587;

	@NotNull(message = "Choose how the connection is secured.")
	private SmtpSecurity security = SmtpSecurity.STARTTLS;

	@Size(max = 320, message = "That username is too long.")
	private String username;

	@Size(max = 500, message = "That password is too long.")
	private String password;

	@Size(max = 200, message = "Keep the sender name under 200 characters.")
	@Pattern(regexp = "^[^\\r\\n]*$", message = "The sender name cannot contain line breaks.")
	private String senderName;

	@NotBlank(message = "Enter the address your emails come from.")
	@Email(message = "That is not a valid email address.")
	@Pattern(regexp = "^[^\\r\\n]*$", message = "The address cannot contain line breaks.")
	@Size(max = 320, message = "That address is too long.")
	private String senderAddress;

	static SmtpAccountForm of(SmtpAccount account) {
		SmtpAccountForm form = new SmtpAccountForm();
		form.host = account.getHost();
		form.port = account.getPort();
		form.security = account.getSecurity();
		form.username = account.getUsername();
		form.senderName = account.getSenderName();
		form.senderAddress = account.getSenderAddress();
		return form;
	}

	SmtpAccountSettings toSettings() {
		return new SmtpAccountSettings(this.host, this.port, this.security, this.username, this.password,
				this.senderName, this.senderAddress);
	}

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public Integer getPort() {
		return this.port;
	}

	public void setPort(Integer port) {
		this.port = port;
	}

	public SmtpSecurity getSecurity() {
		return this.security;
	}

	public void setSecurity(SmtpSecurity security) {
		this.security = security;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	/** Never filled back into the page: a saved password is not sent to the browser. */
	public String getPassword() {
		return null;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getSenderName() {
		return this.senderName;
	}

	public void setSenderName(String senderName) {
		this.senderName = senderName;
	}

	public String getSenderAddress() {
		return this.senderAddress;
	}

	public void setSenderAddress(String senderAddress) {
		this.senderAddress = senderAddress;
	}

	@Override
	public String toString() {
		return "SmtpAccountForm[" + this.host + ":" + this.port + ", password=<hidden>]";
	}

}
