using FFMpegCore;
using Orleans.Render.Conventions;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Every row of the output-format table, rendered from a tiny movie and read back with ffprobe; and the movie's output block.</summary>
public sealed class OutputFormatTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IAsyncLifetime
{
    private static readonly (int, int, int) Red = (255, 0, 0);

    private string music = "";
    private string pattern = "";

    public async Task InitializeAsync()
    {
        music = fixture.Media.AddFile("format-music.wav", await TestMedia.ToneAsync(440, 1));
        pattern = fixture.Media.AddFile("pattern.mp4", await TestMedia.MakeAsync(
            ".mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "10"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>One second at 25 fps with sound: a red box on blue for the first half, a test pattern after.</summary>
    private string Movie(string output = "") => $$"""
        {"width": 320, "height": 180, "fps": 25, {{output}}
         "audio": {"url": "{{music}}"},
         "scenes": [{"duration": 1, "background": "#0000ff", "layers": [
           {"type": "solid", "color": "#ff0000", "x": 100, "y": 50, "width": 120, "height": 80, "duration": 0.5},
           {"type": "video", "url": "{{pattern}}", "start": 0.5, "mute": true}]}]}
        """;

    [Theory]
    [InlineData(OutputFormat.Mp4, "h264", "High", "aac")]
    [InlineData(OutputFormat.Webm, "vp9", null, "opus")]
    [InlineData(OutputFormat.Flv, "h264", "High", "aac")]
    [InlineData(OutputFormat.Mpeg, "mpeg2video", null, "mp2")]
    [InlineData(OutputFormat.Wmv, "wmv2", null, "wmav2")]
    [InlineData(OutputFormat.Mov, "prores", "Standard", "pcm_s16le")]
    public async Task Each_video_format_has_its_codecs_every_frame_the_length_and_the_sound(OutputFormat format, string codec, string? profile, string soundCodec)
    {
        var file = await fixture.RenderAsync(EngineFixture.Bind(Movie()), format);

        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal((codec, 320, 180, 25), (facts.Codec, facts.Width, facts.Height, facts.FrameCount));
        Assert.InRange(facts.DurationSeconds, 0.9, 1.15);
        var analysis = await FFProbe.AnalyseAsync(file);
        if (profile is not null)
        {
            Assert.Equal(profile, analysis.PrimaryVideoStream!.Profile);
        }

        var sound = Assert.Single(analysis.AudioStreams);
        Assert.Equal((soundCodec, 48000, 2), (sound.CodecName, sound.SampleRateHz, sound.Channels));
        var samples = await TestMedia.DecodeSoundAsync(file);
        Assert.InRange(TestMedia.Amplitude(samples, 440, 12000, 9600), 0.08, 0.16);
        Assert.True((await MediaInspector.DecodeFrameAsync(file, 5, 320, 180)).IsNear(160, 90, Red));
    }

    [Fact]
    public async Task A_tif_still_is_one_frame_of_the_movies_size()
    {
        var file = Path.Combine(fixture.Work, $"still-{Guid.NewGuid():N}.tif");
        await fixture.Engine.RenderAsync(
            EngineFixture.Bind(Movie()), EngineFixture.Project, new FrameRange(3, 4), new OutputSpec(OutputFormat.Tif, 3), file, null, CancellationToken.None);

        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal(("tiff", 320, 180, 1), (facts.Codec, facts.Width, facts.Height, facts.FrameCount));
        Assert.True((await MediaInspector.DecodeFrameAsync(file, 0, 320, 180)).IsNear(160, 90, Red));
        Assert.Empty((await FFProbe.AnalyseAsync(file)).AudioStreams);
    }

    [Theory]
    [InlineData(OutputFormat.Mp4, "baseline", "Constrained Baseline")]
    [InlineData(OutputFormat.Mp4, "main", "Main")]
    [InlineData(OutputFormat.Flv, "baseline", "Constrained Baseline")]
    public async Task The_output_block_chooses_the_h264_profile(OutputFormat format, string chosen, string probed)
    {
        var file = await fixture.RenderAsync(EngineFixture.Bind(Movie($"\"output\": {{\"h264Profile\": \"{chosen}\"}},")), format);

        Assert.Equal(probed, (await FFProbe.AnalyseAsync(file)).PrimaryVideoStream!.Profile);
    }

    [Fact]
    public async Task The_output_block_chooses_the_prores_profile()
    {
        var file = await fixture.RenderAsync(EngineFixture.Bind(Movie("""
            "output": {"proresProfile": "hq"},
            """)), OutputFormat.Mov);

        Assert.Equal("HQ", (await FFProbe.AnalyseAsync(file)).PrimaryVideoStream!.Profile);
    }

    [Theory]
    [InlineData(OutputFormat.Mp4, "\"crf\": 40", "\"crf\": 12")]
    [InlineData(OutputFormat.Webm, "\"crf\": 50", "\"crf\": 12")]
    [InlineData(OutputFormat.Mp4, "\"videoBitrate\": 100", "\"videoBitrate\": 3000")]
    [InlineData(OutputFormat.Mpeg, "\"videoBitrate\": 200", "\"videoBitrate\": 5000")]
    [InlineData(OutputFormat.Wmv, "\"videoBitrate\": 200", "\"videoBitrate\": 5000")]
    [InlineData(OutputFormat.Mp4, "\"audioBitrate\": 32", "\"audioBitrate\": 320")]
    public async Task Lower_quality_or_bitrate_in_the_output_block_makes_a_smaller_file(OutputFormat format, string lower, string higher)
    {
        var small = await fixture.RenderAsync(EngineFixture.Bind(Movie($"\"output\": {{{lower}}},")), format);
        var large = await fixture.RenderAsync(EngineFixture.Bind(Movie($"\"output\": {{{higher}}},")), format);

        Assert.True(new FileInfo(small).Length * 1.3 < new FileInfo(large).Length, $"{new FileInfo(small).Length} vs {new FileInfo(large).Length} bytes");
        Assert.Equal(25, (await MediaInspector.ProbeAsync(small)).FrameCount);
    }

    [Fact]
    public async Task The_output_block_sets_the_gif_frame_rate_and_palette_size()
    {
        var file = await fixture.RenderAsync(EngineFixture.Bind(Movie("""
            "output": {"gifFps": 10, "gifColors": 16},
            """)), OutputFormat.Gif);
        var full = await fixture.RenderAsync(EngineFixture.Bind(Movie()), OutputFormat.Gif);

        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal(("gif", 10), (facts.Codec, facts.FrameCount));
        Assert.InRange(facts.DurationSeconds, 0.95, 1.05);
        Assert.Equal(25, (await MediaInspector.ProbeAsync(full)).FrameCount);
        Assert.True(new FileInfo(file).Length < new FileInfo(full).Length / 2);
        Assert.True((await MediaInspector.DecodeFrameAsync(file, 2, 320, 180)).IsNear(160, 90, Red));
    }
}
