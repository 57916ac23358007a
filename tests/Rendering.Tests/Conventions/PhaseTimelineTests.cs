using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Render.Conventions.Diagnostics;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Conventions;

/// <summary>bench/phases.py reads these lines: <c>name@unix-ms+ms</c> per phase, in order, and <c>key=value</c> notes.</summary>
public sealed partial class PhaseTimelineTests
{
    [Fact]
    public async Task Phases_follow_one_another_each_with_its_wall_clock_start_and_length()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var phases = new PhaseTimeline();
        phases.Begin("plan");
        await Task.Delay(30);
        phases.Begin("queue");
        phases.Note("segments", 3);
        phases.Add("encode", 1_700_000_000_000, TimeSpan.FromMilliseconds(1234.4));

        var entries = phases.ToString().Split(' ');

        // A note is written when it is made, a phase when it ends.
        Assert.Equal(4, entries.Length);
        var plan = Entry().Match(entries[0]);
        var queue = Entry().Match(entries[2]);
        Assert.True(plan.Success && queue.Success, phases.ToString());
        Assert.Equal(("plan", "queue"), (plan.Groups[1].Value, queue.Groups[1].Value));
        Assert.InRange(long.Parse(plan.Groups[2].Value, CultureInfo.InvariantCulture), before, long.Parse(queue.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.InRange(int.Parse(plan.Groups[3].Value, CultureInfo.InvariantCulture), 25, 5_000);
        Assert.Equal(("segments=3", "encode@1700000000000+1234"), (entries[1], entries[3]));
    }

    [Fact]
    public void A_timeline_with_nothing_begun_is_empty_and_ending_twice_adds_nothing()
    {
        var phases = new PhaseTimeline();
        phases.End();
        phases.Begin("store");
        phases.End();
        phases.End();

        Assert.Matches(@"^store@\d+\+\d+$", phases.ToString());
        Assert.Equal("", new PhaseTimeline().ToString());
    }

    [GeneratedRegex(@"^(\w+)@(\d+)\+(\d+)$")]
    private static partial Regex Entry();
}
