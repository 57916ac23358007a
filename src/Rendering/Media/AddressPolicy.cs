using System.Net;
using System.Net.Sockets;

namespace Orleans.Render.Rendering.Media;

/// <summary>Decides whether an address is public enough to be fetched from on a caller's behalf (SSRF guard).</summary>
internal static class AddressPolicy
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

    private static bool IsRefusedV4(byte[] b) =>
        b[0] == 0                                   // 0.0.0.0/8 "this network", includes unspecified
        || b[0] == 10                               // 10/8 private
        || b[0] == 127                              // 127/8 loopback
        || (b[0] == 100 && (b[1] & 0xC0) == 64)     // 100.64/10 CGNAT
        || (b[0] == 169 && b[1] == 254)             // 169.254/16 link-local, cloud metadata
        || (b[0] == 172 && (b[1] & 0xF0) == 16)     // 172.16/12 private
        || (b[0] == 192 && b[1] == 168)             // 192.168/16 private
        || b[0] >= 224;                             // multicast 224/4, reserved 240/4, broadcast

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

        // NAT64 (64:ff9b::/96) reaches the embedded IPv4 address, so judge that instead.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsRefusedV4(b[12..]);
        }

        return false;
    }
}
