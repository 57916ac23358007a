using FFMpegCore;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Planning;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// Stream pieces rendered one by one (as silos do) join into one file by plain concatenation: the first piece's header,
/// then every piece's media. The joined file has every frame once, shows what the whole render shows, and has the
/// movie's sound without gaps or repeats.
/// </summary>
public sealed class StreamPieceTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly StreamPieceLengths Lengths = new(0.4, 0.6);

    private async Task<Timeline> MovieAsync()
    {
        var music = fixture.Media.AddFile($"music-{Guid.NewGuid():N}.wav", await TestMedia.ToneAsync(440, 3));
        return EngineFixture.Bind($$"""
            {"width": 320, "height": 180, "fps": 25, "audio": {"url": "{{music}}"},
             "scenes": [
               {"duration": 1, "background": "#000080", "layers": [{"type": "text", "text": "one", "fontSize": 40, "color": "#ffffff"}]},
               {"duration": 1.2, "background": "#006400", "transition": {"type": "crossfade", "duration": 0.2},
                "layers": [{"type": "shape", "shape": "rectangle", "width": 80, "height": 60, "x": 40, "y": 40, "fill": "#ff0000"}]}]}
            """);
    }

    [Theory]
    [InlineData(OutputFormat.Mp4)]
    [InlineData(OutputFormat.Webm)]
    public async Task Pieces_rendered_apart_concatenate_into_the_whole_movie_with_its_sound(OutputFormat format)
    {
        var timeline = await MovieAsync();
        var plan = StreamPlan.For(timeline, format, Lengths, new EncoderSettings(), new Dictionary<string, string>());
        Assert.True(plan.Pieces.Count >= 3, "the movie is cut into several pieces");
        var sound = Path.Combine(fixture.Work, $"sound-{Guid.NewGuid():N}.{format.Extension()}");
        Assert.True(await fixture.Engine.RenderAudioAsync(timeline, EngineFixture.Project, format, sound, CancellationToken.None));

        var files = new List<(byte[] Bytes, int Header)>();
        foreach (var piece in plan.Pieces)
        {
            var path = Path.Combine(fixture.Work, $"piece-{Guid.NewGuid():N}.{format.Extension()}");
            var header = await fixture.Engine.RenderPieceAsync(timeline, EngineFixture.Project, piece.Range, format, sound, path, urgent: false, CancellationToken.None);
            files.Add((await File.ReadAllBytesAsync(path), header));
        }

        Assert.All(files, f => Assert.Equal(files[0].Bytes[..files[0].Header], f.Bytes[..f.Header]));
        var joined = Path.Combine(fixture.Work, $"joined-{Guid.NewGuid():N}.{format.Extension()}");
        await File.WriteAllBytesAsync(joined, [.. files[0].Bytes[..files[0].Header], .. files.SelectMany(f => f.Bytes[f.Header..])]);

        var facts = await MediaInspector.ProbeAsync(joined);
        Assert.Equal(timeline.TotalFrames, facts.FrameCount);
        var whole = await fixture.RenderAsync(timeline, format);
        Assert.True(await MediaInspector.PsnrAsync(joined, whole) >= 40, "the joined pieces show what the whole render shows");

        var samples = await TestMedia.DecodeSoundAsync(joined);
        var expected = timeline.TotalFrames * 48000 / timeline.Fps.Numerator;
        Assert.InRange(samples.Length, expected - 1200, expected + 1200);
        foreach (var cut in plan.Pieces.Skip(1).Select(p => p.Range.Start * 48000 / timeline.Fps.Numerator))
        {
            // A gap or a repeated packet at a cut would change the tone's amplitude in a window across it.
            Assert.InRange(TestMedia.Amplitude(samples, 440, cut - 2400, 4800), 0.11, 0.14);
        }
    }

    [Fact]
    public async Task A_piece_alone_is_a_playable_file_of_its_frames_at_the_movies_times()
    {
        var timeline = await MovieAsync();
        var plan = StreamPlan.For(timeline, OutputFormat.Mp4, Lengths, new EncoderSettings(), new Dictionary<string, string>());
        var piece = plan.Pieces[1];
        var path = Path.Combine(fixture.Work, $"piece-{Guid.NewGuid():N}.mp4");

        await fixture.Engine.RenderPieceAsync(timeline, EngineFixture.Project, piece.Range, OutputFormat.Mp4, null, path, urgent: true, CancellationToken.None);

        var analysis = await FFProbe.AnalyseAsync(path);
        Assert.Empty(analysis.AudioStreams);
        Assert.Equal(piece.Range.Count, (await MediaInspector.ProbeAsync(path)).FrameCount);
        Assert.Equal(piece.Range.Start / 25.0, analysis.PrimaryVideoStream!.StartTime.TotalSeconds, 3);
    }
}
