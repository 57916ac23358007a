using Orleans.Render.Rendering.Assets;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Assets;

/// <summary>
/// <see cref="AssetInspector"/> on video and audio (ffprobe): the facts the engine and the project record, the kind a
/// file turns out to be, and what it refuses: unreadable or cut files, playlists and scripts that would make ffmpeg open
/// other files, a kind other than the name promised, and a probe that does not finish in time.
/// </summary>
public sealed class AssetInspectorMediaTests : IDisposable
{
    private readonly AssetFiles files = new();

    public void Dispose() => files.Dispose();

    private static Task<byte[]> VideoAsync(string extension, bool withSound, params string[] codec) => TestMedia.MakeAsync(
        extension,
        [
            "-f", "lavfi", "-i", "testsrc=s=320x180:r=25:d=1",
            .. withSound ? (string[])["-f", "lavfi", "-i", "sine=frequency=440:duration=1"] : [],
            .. codec,
        ]);

    private static Task<byte[]> Mp4Async(bool withSound) =>
        VideoAsync(".mp4", withSound, ["-c:v", "libx264", "-pix_fmt", "yuv420p", .. withSound ? (string[])["-c:a", "aac"] : []]);

    [Fact]
    public async Task An_mp4_with_sound_is_a_video_with_its_size_length_and_sound()
    {
        var asset = await files.InspectAsync("clip.mp4", await Mp4Async(withSound: true));

        Assert.Equal(("video", "video/mp4", 320, 180, true), (asset.Kind, asset.ContentType, asset.Width, asset.Height, asset.HasAudio));
        Assert.InRange(asset.DurationSeconds!.Value, 0.99, 1.1);
    }

    [Fact]
    public async Task A_silent_webm_is_a_video_without_sound()
    {
        var webm = await VideoAsync(".webm", withSound: false, "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8");

        var asset = await files.InspectAsync("clip.webm", webm);

        Assert.Equal(("video", "video/webm", 320, 180, false), (asset.Kind, asset.ContentType, asset.Width, asset.Height, asset.HasAudio));
        Assert.InRange(asset.DurationSeconds!.Value, 0.99, 1.1);
    }

    [Theory]
    [InlineData(".mp4", "video/mp4")]
    [InlineData(".m4v", "video/mp4")]
    [InlineData(".mov", "video/quicktime")]
    [InlineData(".mkv", "video/x-matroska")]
    public async Task The_content_type_follows_the_container_the_extension_names_among_those_ffprobe_reports(string extension, string contentType)
    {
        // ffprobe names every one of these files "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm".
        var video = await VideoAsync(extension, withSound: false, "-c:v", "libx264", "-pix_fmt", "yuv420p");

        Assert.Equal(contentType, (await files.InspectAsync("clip" + extension, video)).ContentType);
    }

    [Fact]
    public async Task A_wav_is_audio_with_its_length_to_the_sample()
    {
        // 48 800 samples at 48 kHz: 1.016667 s. Milliseconds would round it to 30 frames at 30 fps instead of 31.
        var wav = await TestMedia.MakeAsync(".wav", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-af", "atrim=end_sample=48800");

        var asset = await files.InspectAsync("tone.wav", wav);

        Assert.Equal(("audio", "audio/wav", null, null, true), (asset.Kind, asset.ContentType, asset.Width, asset.Height, asset.HasAudio));
        Assert.Equal(48_800 / 48_000.0, asset.DurationSeconds!.Value, 5);
    }

    [Fact]
    public async Task An_mp3_with_cover_art_is_audio_not_video()
    {
        var cover = files.Write("cover.png", await TestMedia.MakeAsync(".png", "-f", "lavfi", "-i", "color=c=blue:s=64x64", "-frames:v", "1"));
        var mp3 = await TestMedia.MakeAsync(
            ".mp3",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-i", cover,
            "-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-c:v", "png", "-disposition:v", "attached_pic", "-id3v2_version", "3");

        var asset = await files.InspectAsync("song.mp3", mp3);

        Assert.Equal(("audio", "audio/mpeg", true), (asset.Kind, asset.ContentType, asset.HasAudio));
        Assert.InRange(asset.DurationSeconds!.Value, 0.99, 1.1);
    }

    [Fact]
    public async Task Without_extension_or_content_type_a_video_is_recognised_by_ffprobe()
    {
        var asset = await files.InspectAsync("clip", await Mp4Async(withSound: false));

        Assert.Equal(("video", "video/mp4", false), (asset.Kind, asset.ContentType, asset.HasAudio));
    }

    [Fact]
    public async Task Sound_named_as_a_video_is_refused_for_having_no_video_stream()
    {
        var m4a = await TestMedia.MakeAsync(".m4a", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac");

        var refusal = await files.RefusedAsync("video_invalid", "clip.mp4", m4a);

        Assert.Contains("no video stream", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_named_as_audio_is_refused()
    {
        await files.RefusedAsync("audio_invalid", "song.mp3", await Mp4Async(withSound: true));
    }

    [Fact]
    public async Task Arbitrary_bytes_named_mp4_are_refused_without_revealing_the_server_path()
    {
        var refusal = await files.RefusedAsync("video_invalid", "clip.mp4", [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 31 + 7))]);

        Assert.Contains("'clip.mp4' is not a readable video file", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_mp4_cut_before_its_index_is_refused()
    {
        var mp4 = await Mp4Async(withSound: false);

        await files.RefusedAsync("video_invalid", "clip.mp4", mp4[..(mp4.Length / 2)]);
    }

    [Fact]
    public async Task An_hls_playlist_dressed_as_an_mp4_is_refused_by_its_container()
    {
        // Its segment is a local file; the demuxer whitelist stops ffprobe before it opens it.
        var segment = files.Write("piece.ts", await VideoAsync(".ts", withSound: false, "-c:v", "libx264"));
        var playlist = $"#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n{segment}\n#EXT-X-ENDLIST\n";

        var refusal = await files.RefusedAsync("video_invalid", "clip.mp4", System.Text.Encoding.UTF8.GetBytes(playlist));

        Assert.Contains("[hls @", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concat_script_dressed_as_an_mp4_is_refused_by_its_container()
    {
        var sibling = files.Write("other.mp4", await Mp4Async(withSound: false));
        var script = $"ffconcat version 1.0\nfile {Path.GetFileName(sibling)}\n";

        var refusal = await files.RefusedAsync("video_invalid", "clip.mp4", System.Text.Encoding.UTF8.GetBytes(script));

        Assert.Contains("[concat @", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_probe_that_does_not_finish_in_time_is_killed_and_refused()
    {
        files.Options.FfprobePath = StalledProbe();
        files.Options.ProbeTimeout = TimeSpan.FromSeconds(1);

        var refusal = await files.RefusedAsync("video_invalid", "clip.mp4", await Mp4Async(withSound: false));

        Assert.Contains("did not finish within 1 s", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_caller_stops_the_probe_as_a_cancellation_not_a_refusal()
    {
        files.Options.FfprobePath = StalledProbe();
        var video = await Mp4Async(withSound: false);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => files.InspectAsync("clip.mp4", video, cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task The_engine_probe_reads_either_kind_when_none_is_expected()
    {
        var path = files.Write("tone.wav", await TestMedia.SineWavAsync(0.5));

        var asset = await new AssetInspector(files.Options).ProbeAsync(path, "https://example.com/tone", null, CancellationToken.None);

        Assert.Equal(("audio", true), (asset.Kind, asset.HasAudio));
        Assert.Equal(0.5, asset.DurationSeconds!.Value, 3);
    }

    /// <summary>An "ffprobe" that never answers, to stand for a file that keeps the real one busy.</summary>
    private string StalledProbe()
    {
        var script = Path.Combine(files.Directory, "stalled-ffprobe");
        File.WriteAllText(script, "#!/bin/sh\nexec sleep 60\n");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The stalled probe is a shell script.");
        }

        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
