using System.Net;
using System.Net.Sockets;

namespace Orleans.Render.TestSupport;

public static class Ports
{
    /// <summary>
    /// A loopback port nothing listens on right now, below the kernel's ephemeral range (32768–60999): a port the
    /// kernel handed out is free for outgoing connections too, and a fixture that binds it seconds later (after
    /// Azurite, a browser and servers have opened connections) found it taken.
    /// </summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No free loopback port between 20000 and 32000.");
    }

    public static async Task WaitUntilOpenAsync(int port, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Port {port} did not open within {timeout}. {diagnostics?.Invoke()}");
    }
}
