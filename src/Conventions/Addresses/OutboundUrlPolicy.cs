using System.Globalization;
using System.Net;

namespace Orleans.Render.Conventions.Addresses;

/// <summary>
/// The one rule for every URL the cluster calls on a caller's behalf: media, upload destinations and callbacks. It is
/// applied when a request arrives (<see cref="Refusal(string)"/>: the scheme, credentials, literal addresses and names
/// that are private by definition) and again when a connection is dialled (<see cref="IsRefusedHost"/> plus
/// <see cref="AddressPolicy"/> on the resolved addresses, which also covers DNS names that resolve to private ones).
/// "host:port" entries of the allow-list (<c>RemoteMedia:AllowedEndpoints</c>) are exempt from the address rules.
/// </summary>
public sealed class OutboundUrlPolicy
{
    public const int MaxUrlLength = 2048;

    /// <summary>Names that only ever mean this machine or a private network, whatever DNS says.</summary>
    private static readonly string[] PrivateSuffixes = [".localhost", ".local", ".localdomain", ".internal", ".intranet", ".lan", ".home.arpa", ".corp"];

    private readonly HashSet<string> allowed;

    public OutboundUrlPolicy(IEnumerable<string> allowedEndpoints) =>
        allowed = new(allowedEndpoints.Select(e => e.Trim()), StringComparer.OrdinalIgnoreCase);

    /// <summary>No allow-list: every rule applies.</summary>
    public static OutboundUrlPolicy Strict { get; } = new([]);

    /// <summary>Null when <paramref name="url"/> may be called, else why not, as a phrase that does not repeat the URL.</summary>
    public string? Refusal(string url)
    {
        if (url.Length > MaxUrlLength)
        {
            return $"is longer than {MaxUrlLength} characters";
        }

        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "contains whitespace or control characters";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            return "must be an absolute http or https URL";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not carry credentials";
        }

        return Refusal(uri);
    }

    /// <summary>Null when an already parsed http(s) URL's host may be called, else why not.</summary>
    public string? Refusal(Uri uri) =>
        IsAllowListed(uri.Host, uri.Port) || !IsRefusedHost(uri.Host)
            ? null
            : "names a loopback, private, link-local or metadata address";

    /// <summary>Whether "host:port" is on the allow-list (IPv6 hosts with or without brackets).</summary>
    public bool IsAllowListed(string host, int port) =>
        allowed.Count > 0
        && (allowed.Contains(string.Create(CultureInfo.InvariantCulture, $"{host}:{port}"))
            || allowed.Contains(string.Create(CultureInfo.InvariantCulture, $"[{host.Trim('[', ']')}]:{port}")));

    /// <summary>
    /// Whether a host is refused by what it is, before any DNS: a literal address <see cref="AddressPolicy"/> refuses, a
    /// numeric host other than a dotted quad (<c>2130706433</c>, <c>0x7f.1</c>, <c>0177.0.0.1</c>: resolvers read these as
    /// addresses), a single-label name (search domains make <c>metadata</c> or <c>redis</c> internal) or a private-use name.
    /// </summary>
    public static bool IsRefusedHost(string host)
    {
        var name = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (name.Length == 0)
        {
            return true;
        }

        if (IPAddress.TryParse(name, out var address))
        {
            return AddressPolicy.IsRefused(address) || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IsDottedQuad(name));
        }

        var lastLabel = name[(name.LastIndexOf('.') + 1)..];
        return !name.Contains('.')
            || lastLabel.All(c => char.IsAsciiDigit(c)) || lastLabel.StartsWith("0x", StringComparison.Ordinal)
            || name is "localhost"
            || PrivateSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));
    }

    private static bool IsDottedQuad(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0'));
    }
}
