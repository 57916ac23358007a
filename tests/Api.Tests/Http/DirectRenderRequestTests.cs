using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Orleans.Render.Api.Http;
using Xunit;

namespace Orleans.Render.Api.Tests.Http;

/// <summary>The query of a v1 direct render: params, a still's quality, limits, and the token it stands for.</summary>
public sealed class DirectRenderRequestTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly string[] One = ["x"];

    private static (DirectRenderRequest? Request, IResult? Error) Parse(string extension, params (string Name, string[] Values)[] query) =>
        DirectRenderRequest.Parse(new QueryCollection(query.ToDictionary(q => q.Name, q => new StringValues(q.Values))), extension);

    private static DirectRenderRequest Valid(string extension, params (string, string[])[] query)
    {
        var (request, error) = Parse(extension, query);
        Assert.Null(error);
        return request!;
    }

    private static string Token(DirectRenderRequest request, string movieJson = "{}", DateTimeOffset? at = null) =>
        request.Token("p1", "greeting", movieJson, "default", at ?? Noon, Day);

    [Fact]
    public void Every_query_value_is_a_param_and_q_is_a_stills_quality()
    {
        var video = Valid("mp4", ("name", ["Alex"]), ("q", ["90"]), ("frame", ["3"]));
        var still = Valid("jpg", ("name", ["Alex"]), ("q", ["90"]), ("frame", ["3"]));

        Assert.Equal(new Dictionary<string, string> { ["name"] = "Alex", ["q"] = "90", ["frame"] = "3" }, video.Params);
        Assert.Null(video.Quality);
        Assert.Equal(new Dictionary<string, string> { ["name"] = "Alex", ["frame"] = "3" }, still.Params);
        Assert.Equal(90, still.Quality);
    }

    [Fact]
    public void Repeated_names_too_many_params_and_a_bad_quality_are_refused()
    {
        Assert.Equal("invalid_params", ErrorResult.Of(Parse("mp4", ("name", ["a", "b"])).Error).Error);
        Assert.Equal("invalid_params", ErrorResult.Of(Parse("mp4", [.. Enumerable.Range(0, 101).Select(i => ($"p{i}", One))]).Error).Error);
        Assert.Equal("invalid_quality", ErrorResult.Of(Parse("png", ("q", ["high"])).Error).Error);
    }

    [Fact]
    public void The_token_looks_like_a_drawn_one_and_ignores_the_order_of_params()
    {
        var token = Token(Valid("mp4", ("a", ["1"]), ("b", ["2"])));

        Assert.Matches("^[A-Za-z0-9_-]{32}$", token);
        Assert.Equal(token, Token(Valid("mp4", ("b", ["2"]), ("a", ["1"]))));
        Assert.Equal(token, Token(Valid("mp4", ("a", ["1"]), ("b", ["2"])), at: Noon.AddHours(11)));
    }

    [Fact]
    public void Another_value_another_movie_text_or_the_next_half_of_the_lifetime_gives_another_token()
    {
        var request = Valid("mp4", ("a", ["1"]), ("b", ["2"]));
        var token = Token(request);

        Assert.NotEqual(token, Token(Valid("mp4", ("a", ["1"]), ("b", ["3"]))));
        Assert.NotEqual(token, Token(Valid("mp4", ("a", ["1"]), ("b2", [""]))));
        Assert.NotEqual(token, Token(request, movieJson: """{"fps": 30}"""));
        Assert.NotEqual(token, Token(request, at: Noon.AddHours(12)));
    }
}
