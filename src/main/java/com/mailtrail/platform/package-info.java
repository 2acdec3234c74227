/**
 * What the application runs on: the embedded PostgreSQL of the default set-up, the data directory, the public URL and
 * the deployment secret that encryption and signing keys derive from.
 */
package com.mailtrail.platform;
