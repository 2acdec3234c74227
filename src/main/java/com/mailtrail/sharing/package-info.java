/**
 * Email sharing policies: per user and module, who besides the owner sees emails linked to a record (Private, Share
 * with teammates and owner, Public), the company default for new users, and the audit log of every change.
 */
package com.mailtrail.sharing;
