using Orleans.Render.Models;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>
/// A token's stream of pieces (default lengths: 0.3 s, then 2 s): pieces render on demand, are shared by viewers and by
/// tokens with identical work, and a viewer that leaves cancels only what nobody else waits for.
/// </summary>
[Collection(RenderClusterCollection.Name)]
public sealed class OutputStreamTests(RenderClusterFixture fixture)
{
    /// <summary>6 s in three scenes: pieces of 8, 16, 32, 50 and 44 frames (each twice the one before, up to 2 s).</summary>
    private const string Movie = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 2, "background": "#000080", "layers": [{"type": "text", "text": "one ${name, x}", "fontSize": 30}]},
          {"duration": 2, "background": "#006400", "layers": [{"type": "text", "text": "two", "fontSize": 30}]},
          {"duration": 2, "background": "#800000", "layers": [{"type": "text", "text": "three", "fontSize": 30}]}]}
        """;

    private async Task<IOutputStreamGrain> StreamAsync(string movie, string extension = "mp4")
    {
        var job = await Jobs.CreateAsync(fixture, movie);
        return fixture.Grains.GetGrain<IOutputStreamGrain>($"{job.GetPrimaryKeyString()}/{extension}");
    }

    [Fact]
    public async Task The_layout_is_known_before_anything_renders_and_pieces_render_when_asked()
    {
        var movie = Movies.Unique(Movie);
        var stream = await StreamAsync(movie);
        var writes = fixture.Writes.Total;

        var layout = await stream.GetLayoutAsync();

        Assert.True(layout.Succeeded, layout.Message);
        Assert.Equal([8, 16, 32, 50, 44], layout.PieceFrames);
        Assert.Equal((25, 320, 180, false, false, 1), (layout.FpsNumerator, layout.Width, layout.Height, layout.HasSound, layout.Complete, layout.FpsDenominator));
        Assert.Equal(writes, fixture.Writes.Total);

        var last = await stream.GetPieceAsync(4, StreamMode.Play, "viewer", CancellationToken.None);
        Assert.True(last.Succeeded, last.Message);
        Assert.Equal(44, last.Frames);
        Assert.InRange(last.HeaderBytes, 100, 4000);
        Assert.Equal(1, fixture.Writes.Of(last.MediaKey!));
    }

    [Fact]
    public async Task Concurrent_viewers_and_a_second_token_with_the_same_work_share_every_piece()
    {
        var movie = Movies.Unique(Movie);
        var stream = await StreamAsync(movie);

        var viewers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => stream.GetPieceAsync(1, StreamMode.Get, "viewer", CancellationToken.None)));
        var pieces = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => stream.GetPieceAsync(i, StreamMode.Get, "viewer", CancellationToken.None)));

        Assert.All(viewers, v => Assert.Equal(viewers[0].MediaKey, v.MediaKey));
        Assert.All(pieces, p => Assert.Equal(1, fixture.Writes.Of(p.MediaKey!)));
        Assert.True((await stream.GetLayoutAsync()).Complete);

        var writes = fixture.Writes.Total;
        var other = await StreamAsync(movie);
        Assert.True((await other.GetLayoutAsync()).Complete);
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => other.GetPieceAsync(i, StreamMode.Get, "viewer", CancellationToken.None)));
        Assert.Equal(pieces.Select(p => p.MediaKey), again.Select(p => p.MediaKey));
        Assert.Equal(writes, fixture.Writes.Total);
    }

    [Fact]
    public async Task A_viewer_that_leaves_cancels_only_the_pieces_nobody_else_waits_for()
    {
        var movie = Movies.Unique(Movie);
        var stream = await StreamAsync(movie);
        using var leaving = new CancellationTokenSource();

        var staying = stream.GetPieceAsync(2, StreamMode.Play, "staying", CancellationToken.None);
        var left = stream.GetPieceAsync(2, StreamMode.Play, "leaving", leaving.Token);
        await leaving.CancelAsync();
        await stream.LeaveAsync("leaving", abandoned: true);

        Assert.True((await staying).Succeeded, "the other viewer still gets the piece");
        Assert.Contains(await OutcomeAsync(left), new[] { "cancelled", null }); // ends, whichever way its cancellation arrived
        // Its look-ahead, done before counting below.
        Assert.All(await Task.WhenAll(stream.GetPieceAsync(3, StreamMode.Play, "viewer", CancellationToken.None), stream.GetPieceAsync(4, StreamMode.Play, "viewer", CancellationToken.None)), p => Assert.True(p.Succeeded));

        // Alone, a viewer that leaves takes its piece and the look-ahead with it: nothing is stored.
        // At 720p its last piece takes long enough to be under way when the viewer leaves.
        var lone = await StreamAsync(Movies.Unique(Movie.Replace("\"width\": 320, \"height\": 180", "\"width\": 1280, \"height\": 720")));
        await lone.GetLayoutAsync();
        var writes = fixture.Writes.Total;
        var asked = lone.GetPieceAsync(3, StreamMode.Play, "alone", CancellationToken.None);
        await Task.Delay(100);
        await lone.LeaveAsync("alone", abandoned: true);
        Assert.Equal("cancelled", await OutcomeAsync(asked));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(writes, fixture.Writes.Total);
    }

    /// <summary>A viewer's wait as it ended: its error code, or <c>cancelled</c> when the call itself was cancelled.</summary>
    private static async Task<string?> OutcomeAsync(Task<SegmentResult> wait)
    {
        try
        {
            return (await wait).ErrorCode;
        }
        catch (OperationCanceledException)
        {
            return "cancelled";
        }
    }

    [Fact]
    public async Task Closing_the_stream_ends_the_waits_and_a_deleted_token_has_no_stream()
    {
        var job = await Jobs.CreateAsync(fixture, Movies.Unique(Movie));
        var stream = fixture.Grains.GetGrain<IOutputStreamGrain>($"{job.GetPrimaryKeyString()}/webm");
        var waiting = stream.GetPieceAsync(3, StreamMode.Get, "viewer", CancellationToken.None);

        Assert.True(await job.DeleteAsync());

        var ended = await waiting;
        Assert.False(ended.Succeeded);
        var after = await fixture.Grains.GetGrain<IOutputStreamGrain>($"{job.GetPrimaryKeyString()}/webm").GetLayoutAsync();
        Assert.False(after.Succeeded);
    }

    [Fact]
    public async Task A_piece_out_of_range_and_a_format_that_does_not_stream_are_input_errors()
    {
        var stream = await StreamAsync(Movie);

        var outside = await stream.GetPieceAsync(5, StreamMode.Get, "viewer", CancellationToken.None);

        Assert.Equal(("unknown_piece", true), (outside.ErrorCode, outside.IsInputError));
        var job = await Jobs.CreateAsync(fixture, Movie);
        var gif = await fixture.Grains.GetGrain<IOutputStreamGrain>($"{job.GetPrimaryKeyString()}/gif").GetLayoutAsync();
        Assert.Equal(("unsupported_mode", true), (gif.ErrorCode, gif.IsInputError));
    }
}
