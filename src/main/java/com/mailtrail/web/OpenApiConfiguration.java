package com.mailtrail.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/** Describes the API as a whole: its name, and that every route but the token exchange wants a bearer token. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
		info = @Info(title = "Mailtrail API", version = "v1",
				description = "Contacts, deals, activities and emails of your company account. Authenticate with a "
						+ "personal access token: POST /api/v1/auth/token, or My account → API tokens."),
		security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "A personal access token (mt_...)")
class OpenApiConfiguration {

}
