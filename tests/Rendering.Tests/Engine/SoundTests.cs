using FFMpegCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Planning;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>The movie's sound: one mixed track of the right codec and length, in sync with the pictures.</summary>
public sealed class SoundTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IAsyncLifetime
{
    private string music = "";
    private string tone = "";
    private string voiceClip = "";

    public async Task InitializeAsync()
    {
        music = fixture.Media.AddFile("music.wav", await TestMedia.ToneAsync(440, 0.8));
        tone = fixture.Media.AddFile("tone.wav", await TestMedia.ToneAsync(1000, 5));
        fixture.Assets.Add(EngineFixture.Project, "beep.wav", await TestMedia.ToneAsync(2000, 0.1));
        voiceClip = fixture.Media.AddFile("voice.mp4", await TestMedia.MakeAsync(
            ".mp4", "-f", "lavfi", "-i", "color=c=red:s=160x90:r=25:d=2", "-f", "lavfi", "-i", "sine=frequency=700:sample_rate=48000:duration=2",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Mix(string extra = "") => $$"""
        {"width": 320, "height": 180, "fps": 25,
         "audio": {"url": "{{music}}", "loop": true, "volume": 0.5},
         "scenes": [{"duration": 2, "layers": [
           {"type": "audio", "url": "{{tone}}", "start": 1, "volume": 0.25}{{extra}}]}]}
        """;

    [Theory]
    [InlineData(OutputFormat.Mp4, "aac")]
    [InlineData(OutputFormat.Webm, "opus")]
    public async Task The_music_track_and_audio_layers_mix_into_one_stereo_48k_track_as_long_as_the_movie(OutputFormat format, string codec)
    {
        var movie = await fixture.RenderAsync(EngineFixture.Bind(Mix()), format);

        var analysis = await FFProbe.AnalyseAsync(movie);
        var audio = Assert.Single(analysis.AudioStreams);
        Assert.Equal((codec, 48000, 2), (audio.CodecName, audio.SampleRateHz, audio.Channels));
        Assert.Equal(2.0, audio.Duration.TotalSeconds > 0 ? audio.Duration.TotalSeconds : analysis.Duration.TotalSeconds, 1);

        var samples = await TestMedia.DecodeSoundAsync(movie);
        Assert.InRange(samples.Length, 2 * 48000 - 1200, 2 * 48000 + 1200);
        var (first, second) = (24000, 72000);
        // ffmpeg's sine source has amplitude 1/8: the music at volume 0.5 is 0.0625, the tone at 0.25 about 0.031.
        Assert.InRange(TestMedia.Amplitude(samples, 440, first, 9600), 0.05, 0.075);
        Assert.True(TestMedia.Amplitude(samples, 1000, first, 9600) < 0.004, "the tone starts at 1 s");
        Assert.InRange(TestMedia.Amplitude(samples, 440, second, 9600), 0.05, 0.075);
        Assert.InRange(TestMedia.Amplitude(samples, 1000, second, 9600), 0.025, 0.038);
    }

    [Fact]
    public async Task A_video_layer_adds_its_sound_unless_muted_and_stills_and_gifs_have_none()
    {
        var withVoice = EngineFixture.Bind($$"""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [
              {"type": "video", "url": "{{voiceClip}}", "in": 0.5}]}]}
            """);
        var muted = EngineFixture.Bind($$"""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [
              {"type": "video", "url": "{{voiceClip}}", "mute": true}]}]}
            """);

        var voiced = await TestMedia.DecodeSoundAsync(await fixture.RenderAsync(withVoice, OutputFormat.Mp4));
        Assert.True(TestMedia.Amplitude(voiced, 700, 12000, 9600) > 0.1);
        Assert.Empty((await FFProbe.AnalyseAsync(await fixture.RenderAsync(muted, OutputFormat.Mp4))).AudioStreams);
        Assert.Empty((await FFProbe.AnalyseAsync(await fixture.RenderAsync(withVoice, OutputFormat.Gif))).AudioStreams);
    }

    [Fact]
    public async Task A_movie_without_sound_sources_has_no_audio_stream()
    {
        var timeline = EngineFixture.Bind("""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 0.4}]}""");

        Assert.Empty((await FFProbe.AnalyseAsync(await fixture.RenderAsync(timeline, OutputFormat.Mp4))).AudioStreams);
    }

    /// <summary>
    /// A beep and a white flash both start at 59 s of a 60 s movie (after a transition). Rendered whole, and in three segments joined with the
    /// sound rendered once and muxed by stream copy, the beep starts within one frame (40 ms) of the flash.
    /// </summary>
    [Fact]
    public async Task Sound_stays_within_one_frame_of_the_pictures_over_a_minute_whole_and_in_segments()
    {
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 30},
              {"duration": 31, "transition": {"type": "crossfade", "duration": 1}, "layers": [
                {"type": "solid", "color": "#ffffff", "start": 30, "duration": 0.2},
                {"type": "audio", "url": "beep.wav", "start": 30}]}]}
            """);
        Assert.Equal(1500, timeline.TotalFrames);
        var flash = 59 * 25;

        var whole = await fixture.RenderAsync(timeline, OutputFormat.Mp4);
        await AssertInSyncAsync(whole, flash);

        var segments = new List<string>();
        foreach (var range in SegmentPlanner.Plan(timeline, OutputFormat.Mp4, 3))
        {
            segments.Add(await fixture.RenderAsync(timeline, OutputFormat.Mp4, range));
            Assert.Empty((await FFProbe.AnalyseAsync(segments[^1])).AudioStreams);
        }

        var sound = Path.Combine(fixture.Work, $"sound-{Guid.NewGuid():N}.mp4");
        Assert.True(await fixture.Engine.RenderAudioAsync(timeline, EngineFixture.Project, OutputFormat.Mp4, sound, CancellationToken.None));
        var joined = Path.Combine(fixture.Work, $"joined-{Guid.NewGuid():N}.mp4");
        await fixture.Services.GetRequiredService<SegmentAssembler>().AssembleAsync(segments, OutputFormat.Mp4, fixture.Work, joined, CancellationToken.None, sound);
        await AssertInSyncAsync(joined, flash);
    }

    private static async Task AssertInSyncAsync(string movie, int flashFrame)
    {
        Assert.True((await MediaInspector.DecodeFrameAsync(movie, flashFrame, 320, 180)).IsNear(160, 90, (255, 255, 255)));
        Assert.False((await MediaInspector.DecodeFrameAsync(movie, flashFrame - 1, 320, 180)).IsNear(160, 90, (255, 255, 255)));
        var samples = await TestMedia.DecodeSoundAsync(movie);
        var onset = TestMedia.FirstLoudSample(samples) / 48000.0;
        Assert.InRange(onset, flashFrame / 25.0 - 0.04, flashFrame / 25.0 + 0.04);
        Assert.InRange(samples.Length / 48000.0, 60.0 - 0.04, 60.0 + 0.04);
    }
}
