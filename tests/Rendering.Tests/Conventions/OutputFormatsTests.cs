using Orleans.Render.Conventions;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Conventions;

public sealed class OutputFormatsTests
{
    [Fact]
    public void Every_format_has_one_row_whose_extension_parses_back_to_it()
    {
        Assert.Equal(Enum.GetValues<OutputFormat>().Length, OutputFormats.Extensions.Count);
        Assert.All(Enum.GetValues<OutputFormat>(), format =>
        {
            Assert.True(OutputFormats.TryParse(format.Extension(), out var parsed));
            Assert.Equal(format, parsed);
            Assert.Matches("^(video|image)/[a-z0-9.+-]+$", format.ContentType());
        });
    }

    [Theory]
    [InlineData("mp4", "video/mp4", false, true, true)]
    [InlineData("webm", "video/webm", false, true, true)]
    [InlineData("gif", "image/gif", false, false, false)]
    [InlineData("jpg", "image/jpeg", true, false, false)]
    [InlineData("png", "image/png", true, false, false)]
    [InlineData("flv", "video/x-flv", false, true, false)]
    [InlineData("mpeg", "video/mpeg", false, true, false)]
    [InlineData("wmv", "video/x-ms-wmv", false, true, false)]
    [InlineData("mov", "video/quicktime", false, true, false)]
    [InlineData("tif", "image/tiff", true, false, false)]
    public void A_format_row_says_what_the_file_is(string extension, string contentType, bool still, bool sound, bool streams)
    {
        Assert.True(OutputFormats.TryParse(extension, out var format));
        Assert.Equal((contentType, still, sound, streams), (format.ContentType(), format.IsStill(), format.CarriesSound(), format.Streams()));
    }

    [Theory]
    [InlineData("MP4")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("mp4 ")]
    [InlineData("m3u8")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_an_output_extension(string? extension)
    {
        Assert.False(OutputFormats.TryParse(extension, out _));
        Assert.False(OutputFormats.IsOutputExtension(extension));
    }

    [Fact]
    public void Tokens_stream_in_the_formats_that_stream()
    {
        Assert.Equal(["mp4", "webm"], OutputFormats.StreamExtensions);
    }

    [Fact]
    public void Each_mode_serves_the_formats_of_impossible_ios_matrix()
    {
        Assert.Equal(OutputFormats.Extensions, OutputFormats.ExtensionsServedIn(DeliveryMode.Render));
        Assert.Equal(["mp4", "webm", "flv"], OutputFormats.ExtensionsServedIn(DeliveryMode.Get));
        Assert.Equal(["webm", "flv"], OutputFormats.ExtensionsServedIn(DeliveryMode.Play));
    }
}
