/**
 * Users, roles, sign-up, login and API tokens; binds the tenant of the authenticated user to each request.
 */
package com.mailtrail.security;
