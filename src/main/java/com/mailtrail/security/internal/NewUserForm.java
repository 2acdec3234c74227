package com.mailtrail.security.internal;

import com.mailtrail.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

class NewUserForm {

	@NotBlank(message = "Enter the user's name.")
	@Size(max = 200, message = "Keep the name under 200 characters.")
	private String name;

	@NotBlank(message = "Enter the user's login email address.")
	@Email(message = "That is not a valid email address.")
	@Size(max = 320, message = "That address is too long.")
	private String email;

	@NotBlank(message = "Set a first password; the user can share it with you or you can send it to them.")
	@Size(min = 8, max = 200, message = "Use at least 8 characters for the password.")
	private String password;

	@NotNull(message = "Choose a role.")
	private Role role = Role.USER;

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

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

}
