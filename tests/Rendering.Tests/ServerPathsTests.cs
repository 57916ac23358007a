using Xunit;

namespace Orleans.Render.Rendering.Tests;

/// <summary>No message a caller reads names a file of the server; URLs and movie paths stay readable.</summary>
public sealed class ServerPathsTests
{
    [Theory]
    [InlineData("[hls @ 0x55] Error when loading first segment 'file:/tmp/orleans-render/asset-1f/seg0.ts'", "[hls @ 0x55] Error when loading first segment 'a server file'")]
    [InlineData("/work/data/work/job-12/in.mp4: Invalid data", "a server file: Invalid data")]
    [InlineData("Could not open /home/silo/.cache/x.png.", "Could not open a server file.")]
    public void Absolute_paths_are_replaced(string message, string expected) =>
        Assert.Equal(expected, ServerPaths.Scrub(message));

    [Theory]
    [InlineData("Media host 'cdn.example.com' answered HTTP 404 for https://cdn.example.com/a/b/c.png.")]
    [InlineData("$.scenes[0].layers[1].url is refused.")]
    [InlineData("/movie/scene[2]/text[1] is not supported.")]
    [InlineData("'logo.png' is 1/2 done, and/or not.")]
    public void Urls_and_movie_paths_are_kept(string message) =>
        Assert.Equal(message, ServerPaths.Scrub(message));

    [Fact]
    public void Render_input_errors_carry_no_path() =>
        Assert.DoesNotContain("/tmp", new RenderInputException("video_invalid", "'a.mp4' is not readable: /tmp/x/y/a.mp4: bad").Message);
}
