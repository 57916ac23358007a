using Orleans.Render.Rendering.Model;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

public sealed class FrameRateTests
{
    [Theory]
    [InlineData("25", 25, 1)]
    [InlineData("30000/1001", 30000, 1001)]
    [InlineData("24000/1001", 24000, 1001)]
    [InlineData("60000/1001", 60000, 1001)]
    [InlineData("29.97", 30000, 1001)]
    [InlineData("23.976", 24000, 1001)]
    [InlineData("59.94", 60000, 1001)]
    [InlineData("12.5", 25, 2)]
    [InlineData("50/2", 25, 1)]
    public void Rates_are_read_as_exact_fractions(string text, int numerator, int denominator)
    {
        Assert.True(FrameRate.TryParse(text, out var rate));
        Assert.Equal((numerator, denominator), (rate.Numerator, rate.Denominator));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-25")]
    [InlineData("1/0")]
    [InlineData("0/1001")]
    [InlineData("30000/1002")]
    [InlineData("30000/")]
    [InlineData("/1001")]
    [InlineData("25fps")]
    [InlineData("1e3")]
    [InlineData(null)]
    public void Anything_else_is_not_a_rate(string? text) => Assert.False(FrameRate.TryParse(text, out _));

    [Fact]
    public void Frames_and_seconds_convert_exactly_at_ntsc_rates()
    {
        var ntsc = new FrameRate(30000, 1001);

        Assert.Equal("30000/1001", ntsc.ToString());
        Assert.Equal("1001/30000", ntsc.TimeBase);
        Assert.Equal(1001.0, ntsc.Seconds(30000));
        Assert.Equal(30, ntsc.ToFrames(1));
        Assert.Equal(29970, ntsc.ToFrames(1000));
        Assert.Equal("25", FrameRate.Whole(25).ToString());
    }
}
