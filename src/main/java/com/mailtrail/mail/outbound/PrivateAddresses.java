package com.mailtrail.mail.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a host is on the server's own network: loopback, private, link-local, unspecified or multicast. */
final class PrivateAddresses {

	private PrivateAddresses() {
	}

	static boolean isPrivate(String host) {
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
						|| address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
					return true;
				}
			}
			return false;
		}
		catch (UnknownHostException ex) {
			// Not resolvable: the connection test reports the unknown host in its own words.
			return false;
		}
	}

	/** IPv6 unique local addresses (fc00::/7), which Java does not count as site-local. */
	private static boolean isUniqueLocal(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
	}

}
