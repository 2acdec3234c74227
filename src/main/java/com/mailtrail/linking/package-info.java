/**
 * Who an email is with and where it belongs: matches its people to contacts, applies the deal rule (the
 * conversation's deal, or the only open deal), and explains every link it makes.
 */
package com.mailtrail.linking;
