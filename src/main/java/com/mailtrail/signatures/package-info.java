/**
 * Each user's email signature and the company disclaimer, both sanitised HTML, appended to every email sent from
 * Mailtrail (signature first).
 */
package com.mailtrail.signatures;
