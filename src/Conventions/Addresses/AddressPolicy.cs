using System.Net;
using System.Net.Sockets;

namespace Orleans.Render.Conventions.Addresses;

/// <summary>
/// Decides whether an IP address is public enough to be called on a caller's behalf (SSRF guard). The one home of the
/// address rules: <see cref="OutboundUrlPolicy"/> applies them to literal hosts when a request arrives, the connector
/// of every outbound client to the resolved addresses when it dials.
/// </summary>
public static class AddressPolicy
{
    public static bool IsRefused(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsRefusedV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsRefusedV6(address),
            _ => true,
        };
    }

    private static bool IsRefusedV4(ReadOnlySpan<byte> b) =>
        b[0] == 0                                           // 0.0.0.0/8 "this network", includes unspecified
        || b[0] == 10                                       // 10/8 private
        || b[0] == 127                                      // 127/8 loopback
        || (b[0] == 100 && (b[1] & 0xC0) == 64)             // 100.64/10 CGNAT
        || (b[0] == 169 && b[1] == 254)                     // 169.254/16 link-local, cloud metadata
        || (b[0] == 172 && (b[1] & 0xF0) == 16)             // 172.16/12 private
        || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)     // 192.0.0/24 protocol assignments, 192.0.2/24 documentation
        || (b[0] == 192 && b[1] == 168)                     // 192.168/16 private
        || (b[0] == 198 && (b[1] & 0xFE) == 18)             // 198.18/15 benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)       // 198.51.100/24 documentation
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)        // 203.0.113/24 documentation
        || b[0] >= 224;                                     // multicast 224/4, reserved 240/4, broadcast

    private static bool IsRefusedV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast)
        {
            return true;
        }

        var b = address.GetAddressBytes();
        if ((b[0] & 0xFE) == 0xFC)
        {
            return true; // fc00::/7 unique local
        }

        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsRefusedV4(b.AsSpan(12)); // ::a.b.c.d, the deprecated IPv4-compatible form
        }

        // NAT64 (64:ff9b::/96) reaches the embedded IPv4 address, so judge that instead.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsRefusedV4(b.AsSpan(12));
        }

        return (b[0] == 0x20 && b[1] == 0x02 && IsRefusedV4(b.AsSpan(2, 4)))  // 2002::/16 6to4 carries an IPv4 address
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) // 2001::/32 Teredo tunnels to anywhere
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // 2001:db8::/32 documentation
            || (b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0); // 100::/64 discard
    }
}
