/**
 * In-app notifications: stored per user, listed with mark-as-read, and pushed live to every open page through
 * server-sent events, across application instances through PostgreSQL LISTEN/NOTIFY.
 */
package com.mailtrail.notifications;
