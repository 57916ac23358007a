using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Orleans.Render.Conventions.Diagnostics;

/// <summary>
/// The phases of one part of a render (the API's request, the job's output, a unit, an attempt on a silo), each with
/// its wall-clock start and its length, written as one log line (<see cref="Message"/>) when the part ends. The parts
/// of a render run in different processes; their wall-clock starts put them side by side (one clock on one machine,
/// NTP's skew across machines), which is how <c>bench/scaling.py</c> reads a render's critical path. Phases follow one
/// another: <see cref="Begin"/> ends the phase under way. Not thread-safe: one part belongs to one grain turn or request.
/// </summary>
public sealed class PhaseTimeline
{
    /// <summary>The log line's template: <c>Phases of TOKEN PART: name@unixms+ms … key=value …</c>.</summary>
    public const string Message = "Phases of {Token} {Part}: {Phases}";

    private readonly StringBuilder text = new();
    private string? open;
    private long openedAt;
    private long openedTimestamp;

    /// <summary>Ends the phase under way, if any, and begins <paramref name="phase"/> now.</summary>
    public void Begin(string phase)
    {
        End();
        (open, openedAt, openedTimestamp) = (phase, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Stopwatch.GetTimestamp());
    }

    /// <summary>Ends the phase under way.</summary>
    public void End()
    {
        if (open is not null)
        {
            Append($" {open}@{openedAt}+{Stopwatch.GetElapsedTime(openedTimestamp).TotalMilliseconds:0}");
            open = null;
        }
    }

    /// <summary>A phase timed elsewhere (from another thread's observation), ending the phase under way.</summary>
    public void Add(string phase, long startedAtUnixMs, TimeSpan length)
    {
        End();
        Append($" {phase}@{startedAtUnixMs}+{length.TotalMilliseconds:0}");
    }

    /// <summary>A number that belongs to the part (frames, bytes), written as <c>key=value</c>.</summary>
    public void Note(string key, long value) => Append($" {key}={value}");

    /// <summary>Ends the phase under way and gives the line's phases.</summary>
    public override string ToString()
    {
        End();
        return text.ToString().TrimStart();
    }

    private void Append(FormattableString entry) => text.Append(entry.ToString(CultureInfo.InvariantCulture));
}
