namespace Orleans.Render.TestSupport;

/// <summary>
/// One Azurite for every fixture of a test assembly that can share it. xunit 2 has no assembly fixture, so the first
/// fixture that asks starts it and it stops when the test process ends. Fixtures on it keep to containers and tables
/// of their own and delete them when they end; a fixture whose tests pause storage starts its own
/// <see cref="AzuriteServer"/> instead, since a paused emulator would stall every fixture on it.
/// </summary>
public static class SharedAzurite
{
    private static readonly Lock Gate = new();
    private static Task<AzuriteServer>? server;

    public static Task<AzuriteServer> GetAsync()
    {
        lock (Gate)
        {
            // A start that failed (a port taken meanwhile) is tried again by the next fixture rather than failing them all.
            if (server is null || server.IsFaulted || server.IsCanceled)
            {
                server = StartAsync();
            }

            return server;
        }
    }

    private static async Task<AzuriteServer> StartAsync()
    {
        var started = await AzuriteServer.StartAsync();
        started.StopWithTestProcess();
        return started;
    }
}
