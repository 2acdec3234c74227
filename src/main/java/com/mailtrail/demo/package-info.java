/**
 * The demo company "Acme Inc" with its users and a realistic pipeline, created on the embedded default so that a
 * newcomer has something to look at.
 */
package com.mailtrail.demo;
