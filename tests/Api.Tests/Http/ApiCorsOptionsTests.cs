using Orleans.Render.Api.Http;
using Xunit;

namespace Orleans.Render.Api.Tests.Http;

/// <summary><c>Cors:*Origins</c> are checked at start-up: '*' alone, or origins without a path.</summary>
public sealed class ApiCorsOptionsTests
{
    private static string[] List(string origins) => origins.Length == 0 ? [] : origins.Split(' ');

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("https://shop.example http://localhost:3000")]
    public void Origins_and_a_lone_star_are_accepted(string origins) =>
        Assert.Null(ApiCorsOptions.Problem("RenderOrigins", List(origins)));

    [Theory]
    [InlineData("* https://shop.example")]
    [InlineData("https://shop.example/")]
    [InlineData("https://shop.example/path")]
    [InlineData("shop.example")]
    [InlineData("ftp://shop.example")]
    [InlineData("https://user@shop.example")]
    public void Anything_else_is_refused_with_the_setting_named(string origins) =>
        Assert.StartsWith("Cors:RenderOrigins", ApiCorsOptions.Problem("RenderOrigins", List(origins)));
}
