using System.Text;
using Orleans.Render.Api.Http;
using Xunit;

namespace Orleans.Render.Api.Tests.Http;

/// <summary>The body reader's text rules and the param limits, each answered with its own status and code.</summary>
public sealed class InputLimitsTests
{
    private static readonly InputLimitsOptions Limits = new() { MaxParams = 3, MaxParamLength = 10, MaxParamsLength = 25 };

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D })]
    public void Invalid_utf8_is_400_invalid_json(byte[] body)
    {
        var (document, error) = JsonBody.Parse(body);

        Assert.Null(document);
        Assert.Equal((400, "invalid_json"), (ErrorResult.Of(error).Status, ErrorResult.Of(error).Error));
    }

    [Theory]
    [InlineData("""{"movie": "m", "params": {"name": "\ud800"}}""")]
    [InlineData("""{"movie": "\udc00x"}""")]
    [InlineData("""{"movie": "m", "params": {"\ud83d": "x"}}""")]
    public void Unpaired_surrogate_escapes_are_400_invalid_json(string body)
    {
        var (document, error) = JsonBody.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Null(document);
        Assert.Equal("invalid_json", ErrorResult.Of(error).Error);
    }

    [Fact]
    public void Text_cannot_be_decoded_with_replacement_characters() =>
        Assert.Equal("invalid_json", ErrorResult.Of(JsonBody.DecodeText(new byte[] { 0x3C, 0x6D, 0xFF }).Error).Error);

    [Fact]
    public void A_param_too_long_is_422_naming_it() =>
        Assert.Equal(
            new ErrorResult(422, "param_too_long", "The param 'bio' is 11 characters long; a param may be at most 10."),
            ErrorResult.Of(ParamLimits.Check(new Dictionary<string, string> { ["name"] = "Alex", ["bio"] = new string('x', 11) }, Limits)));

    [Fact]
    public void Too_many_params_are_422() =>
        Assert.Equal(
            "too_many_params",
            ErrorResult.Of(ParamLimits.Check(new Dictionary<string, string> { ["a"] = "", ["b"] = "", ["c"] = "", ["d"] = "" }, Limits)).Error);

    [Fact]
    public void Params_adding_up_past_the_limit_are_413()
    {
        var error = ErrorResult.Of(ParamLimits.Check(new Dictionary<string, string> { ["first"] = "1234567890", ["second"] = "1234567890" }, Limits));

        Assert.Equal((413, "params_too_large"), (error.Status, error.Error));
    }

    [Fact]
    public void Params_within_the_limits_pass() =>
        Assert.Null(ParamLimits.Check(new Dictionary<string, string> { ["a"] = "1234567890", ["b"] = "x" }, Limits));
}
