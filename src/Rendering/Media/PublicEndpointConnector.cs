using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Orleans.Render.Conventions.Addresses;

namespace Orleans.Render.Rendering.Media;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> for every connection made on a caller's behalf (remote media,
/// upload destinations, callbacks): it resolves the host and dials only addresses <see cref="AddressPolicy"/> accepts,
/// and no host <see cref="OutboundUrlPolicy"/> refuses by name, unless the "host:port" is allow-listed. The check runs for each new connection, redirect hops included, so the
/// address dialled is the one that was checked (no DNS-rebinding window).
/// </summary>
public sealed class PublicEndpointConnector(OutboundUrlPolicy policy)
{
    /// <summary>Throws <see cref="RenderInputException"/> <c>url_refused</c> for a private address, <c>fetch_failed</c> when the host does not resolve.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var allowListed = policy.IsAllowListed(endpoint.Host, endpoint.Port);
        if (!allowListed && OutboundUrlPolicy.IsRefusedHost(endpoint.Host))
        {
            throw new RenderInputException("url_refused", $"Host '{endpoint.Host}' is not a public address.");
        }

        var addresses = await ResolveAsync(endpoint.Host, cancellationToken);
        if (!allowListed && addresses.Any(AddressPolicy.IsRefused))
        {
            throw new RenderInputException("url_refused", $"Host '{endpoint.Host}' is not a public address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException ex)
        {
            throw new RenderInputException("fetch_failed", $"Host '{host}' could not be resolved.", ex);
        }

        return addresses.Length > 0
            ? addresses
            : throw new RenderInputException("fetch_failed", $"Host '{host}' could not be resolved.");
    }
}
