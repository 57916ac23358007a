using System.Diagnostics;

namespace Orleans.Render.TestSupport;

/// <summary>
/// Kills a server process and deletes its data folder once the test process has gone, however it went: a shell reads
/// a pipe whose write end only the test process holds, and acts at end of file. The test runner does not wait for
/// ProcessExit handlers, so a server that no fixture disposes (<see cref="SharedAzurite"/>) is stopped this way.
/// </summary>
internal static class OrphanReaper
{
    // Held for the life of the test process: a collected Process would close its end of the pipe and reap at once.
    private static readonly List<Process> Reapers = [];

    public static void Watch(int processId, string dataDirectory)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", """cat >/dev/null; kill -KILL "$1"; rm -rf "$2" """, "orphan-reaper", $"{processId}", dataDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        var reaper = Process.Start(start) ?? throw new InvalidOperationException("Could not start the orphan reaper.");
        lock (Reapers)
        {
            Reapers.Add(reaper);
        }
    }
}
