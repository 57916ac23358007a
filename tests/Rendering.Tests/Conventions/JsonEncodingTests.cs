using System.Text;
using Orleans.Render.Conventions;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Conventions;

/// <summary>JSON that parses but whose text cannot be read is found before any reader trips over it.</summary>
public sealed class JsonEncodingTests
{
    [Theory]
    [InlineData("""{"a": "\ud800"}""")]
    [InlineData("""{"a": "\udfff"}""")]
    [InlineData("""{"a": ["ok", "x\ud83dy"]}""")]
    [InlineData("""{"\ud800": 1}""")]
    public void Unpaired_surrogate_escapes_are_found(string json) =>
        Assert.Contains("unpaired surrogate", JsonEncoding.FindProblem(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"a": "\ud83d\ude00", "b": "é\u00e9", "c": [1, {"d": null}]}""")]
    [InlineData("""{"broken": """)]
    public void Readable_text_and_syntax_errors_are_left_alone(string json) =>
        Assert.Null(JsonEncoding.FindProblem(Encoding.UTF8.GetBytes(json)));
}
