using Orleans.Render.Rendering.Media;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Media;

public sealed class MediaReferenceTests
{
    [Theory]
    [InlineData("logo.png")]
    [InlineData(" intro_2024-v2.mp4 ")]
    [InlineData("Brand.Regular.ttf")]
    public void Text_without_a_scheme_is_an_asset_name(string text)
    {
        var reference = MediaReference.Parse(text);

        Assert.True(reference.IsAsset);
        Assert.Equal(text.Trim(), reference.AssetName);
        Assert.Null(reference.Url);
        Assert.Equal($"asset:{text.Trim()}", reference.ToString());
    }

    [Theory]
    [InlineData("https://cdn.example.com/a.png?x=1")]
    [InlineData("HTTP://example.com/a.png")]
    public void Http_urls_stay_urls(string text)
    {
        var reference = MediaReference.Parse(text);

        Assert.False(reference.IsAsset);
        Assert.Equal(new Uri(text).AbsoluteUri, reference.Url!.AbsoluteUri);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("c:\\windows\\a.png")]
    [InlineData("/etc/passwd")]
    [InlineData("../secret.png")]
    [InlineData("a/b.png")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Other_schemes_paths_and_unsafe_names_are_refused(string text) =>
        Assert.Equal("url_refused", Assert.Throws<RenderInputException>(() => MediaReference.Parse(text)).Code);

    [Fact]
    public void Asset_names_are_one_safe_path_segment_of_at_most_100_characters()
    {
        Assert.True(Names.IsValidAssetName(new string('a', 100)));
        Assert.False(Names.IsValidAssetName(new string('a', 101)));
        Assert.False(Names.IsValidAssetName("a..b"));
        Assert.False(Names.IsValidAssetName("a b"));
        Assert.False(Names.IsValidAssetName(null));
    }
}
