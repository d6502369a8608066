"""Which IP addresses Briefing may fetch from: global unicast only, by an allow-list.

IPv4 addresses must be global (ipaddress's `is_global`: no private, loopback, link-local,
shared or reserved range). IPv6 addresses must also lie in 2000::/3, the only block IANA
allocates for global unicast, so deprecated forms that `is_global` still passes, such as
IPv4-compatible ``::a.b.c.d`` and site-local ``fec0::/10``, are refused; forms that carry an
IPv4 address (mapped, 6to4, Teredo, NAT64) must carry a public one.
"""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_GLOBAL_UNICAST = ipaddress.ip_network("2000::/3")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def is_public_address(address: IPAddress) -> bool:
    """Tell whether an address is global unicast, and so safe to fetch from."""
    if address.is_multicast or not address.is_global:
        return False
    if isinstance(address, ipaddress.IPv4Address):
        return True
    if address.ipv4_mapped is not None:
        return is_public_address(address.ipv4_mapped)
    if any(address in network for network in _NAT64):
        return is_public_address(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    if address not in _GLOBAL_UNICAST:
        return False
    embedded = [address.sixtofour, *(address.teredo or ())]
    return all(is_public_address(v4) for v4 in embedded if v4 is not None)


def is_public_host(host: str) -> bool | None:
    """Whether a host written as an IP literal is public; None for a name (resolve it first)."""
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return None
    return is_public_address(address)


__all__ = ["IPAddress", "is_public_address", "is_public_host"]
