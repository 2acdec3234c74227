package com.mailtrail.security.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

class SignupForm {

	@NotBlank(message = "Enter the name of your company.")
	@Size(max = 200, message = "Keep the company name under 200 characters.")
	private String companyName;

	@NotBlank(message = "Enter your name.")
	@Size(max = 200, message = "Keep your name under 200 characters.")
	private String name;

	@NotBlank(message = "Enter your work email address.")
	@Email(message = "That is not a valid email address.")
	@Size(max = 320, message = "That address is too long.")
	private String email;

	@NotBlank(message = "Choose a password.")
	@Size(min = 8, max = 200, message = "Use at least 8 characters for your password.")
	private String password;

	public String getCompanyName() {
		return this.companyName;
	}

	public void setCompanyName(String companyName) {
		this.companyName = companyName;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
