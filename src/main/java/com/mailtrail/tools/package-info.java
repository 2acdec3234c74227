/**
 * Command-line tools for operators, run against a running Mailtrail; no application code depends on them.
 */
package com.mailtrail.tools;
