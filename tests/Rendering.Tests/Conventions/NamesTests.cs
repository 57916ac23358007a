using Orleans.Render.Conventions;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Conventions;

public sealed class NamesTests
{
    [Theory]
    [InlineData("logo.png", true)]
    [InlineData("Brand_2-final.jpg", true)]
    [InlineData(".hidden", false)]
    [InlineData("a..b", false)]
    [InlineData("dir/logo.png", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Asset_names_are_one_safe_key_segment(string? name, bool valid) => Assert.Equal(valid, Names.IsValidAssetName(name));

    [Theory]
    [InlineData("movie-1", true)]
    [InlineData("v1.2_final", true)]
    [InlineData("a b", false)]
    [InlineData("ü", false)]
    public void Project_and_movie_names_are_letters_digits_dots_dashes_and_underscores(string name, bool valid) =>
        Assert.Equal(valid, Names.IsValidName(name));

    [Fact]
    public void Names_and_tokens_have_fixed_lengths()
    {
        Assert.True(Names.IsValidName(new string('a', Names.MaxLength)));
        Assert.False(Names.IsValidName(new string('a', Names.MaxLength + 1)));
        Assert.True(Names.IsValidToken(new string('a', 32)));
        Assert.False(Names.IsValidToken(new string('a', 31)));
    }
}
