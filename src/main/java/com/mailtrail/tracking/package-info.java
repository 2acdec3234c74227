/**
 * Open and click tracking: rewrites the HTML of tracked outgoing email at send time (pixel and links), serves the
 * unauthenticated /t/ endpoints, classifies and records every event, notifies the owner and reports rates.
 */
package com.mailtrail.tracking;
