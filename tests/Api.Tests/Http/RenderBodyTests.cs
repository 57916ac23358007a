using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Orleans.Render.Api.Http;
using Orleans.Render.Conventions.Addresses;
using Orleans.Render.Models.Uploads;
using Xunit;

namespace Orleans.Render.Api.Tests.Http;

/// <summary>The body of <c>POST /v2/render</c> and <c>POST /v2/token</c>: each documented shape, and a code and sentence for each mistake.</summary>
public sealed class RenderBodyTests
{
    private const int MaxParallel = 4;
    private static readonly string[] Pools = ["default", "gpu"];

    private static (RenderBody? Body, IResult? Error) Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RenderBody.Parse(document.RootElement, MaxParallel, Pools, OutboundUrlPolicy.Strict);
    }

    private static RenderBody Valid(string json)
    {
        var (body, error) = Parse(json);
        Assert.Null(error);
        return body!;
    }

    private static ErrorResult Invalid(string json)
    {
        var (body, error) = Parse(json);
        Assert.Null(body);
        return ErrorResult.Of(error);
    }

    [Fact]
    public void A_movie_name_alone_renders_an_mp4_of_that_movie_with_the_defaults()
    {
        var body = Valid("""{"movie": "greeting"}""");

        Assert.Equal(new Dictionary<string, string> { ["*"] = "greeting" }, body.Movies);
        Assert.Empty(body.Params);
        Assert.Equal((1, "default", false, null, false), (body.Parallel, body.RoutingKey, body.Async, body.Format, body.UploadIsList));
        Assert.Empty(body.Uploads);
        Assert.Equal("mp4", body.DefaultExtension());
    }

    [Fact]
    public void Nulls_read_as_absent_fields()
    {
        var body = Valid("""{"movie": "greeting", "params": null, "parallel": null, "routingKey": null, "async": null, "format": null, "upload": null}""");

        Assert.Equal((1, "default", false, null), (body.Parallel, body.RoutingKey, body.Async, body.Format));
        Assert.Empty(body.Params);
        Assert.Empty(body.Uploads);
    }

    [Fact]
    public void A_movie_map_is_keyed_by_lower_case_extension_with_an_optional_fallback()
    {
        var body = Valid("""{"movie": {"MP4": "wide", "gif": "square", "*": "other"}}""");

        Assert.Equal(new Dictionary<string, string> { ["mp4"] = "wide", ["gif"] = "square", ["*"] = "other" }, body.Movies);
        Assert.Equal("mp4", body.DefaultExtension());
    }

    [Theory]
    [InlineData("""{"movie": {"gif": "a", "png": "b"}}""", "gif")]
    [InlineData("""{"movie": {"png": "a", "*": "b"}}""", "mp4")]
    [InlineData("""{"movie": {"png": "a", "mp4": "b"}}""", "mp4")]
    [InlineData("""{"movie": "a", "format": "WEBM"}""", "webm")]
    [InlineData("""{"movie": {"gif": "a"}, "format": "jpg"}""", "jpg")]
    public void The_default_output_is_the_format_else_mp4_else_the_maps_first_entry(string json, string extension) =>
        Assert.Equal(extension, Valid(json).DefaultExtension());

    [Fact]
    public void Params_keep_strings_the_json_text_of_numbers_and_booleans_as_words()
    {
        var body = Valid("""{"movie": "m", "params": {"name": "Zoë \"quoted\" {x}", "price": 1.50, "big": 1e400, "negative": -7, "shown": true, "hidden": false}}""");

        Assert.Equal(
            new Dictionary<string, string> { ["name"] = "Zoë \"quoted\" {x}", ["price"] = "1.50", ["big"] = "1e400", ["negative"] = "-7", ["shown"] = "true", ["hidden"] = "false" },
            body.Params);
    }

    [Fact]
    public void Parallel_routing_async_and_uploads_are_read()
    {
        var body = Valid("""
            {"movie": "m", "parallel": 4, "routingkey": "default", "routingKey": "gpu", "async": true,
             "upload": [{"extension": "mp4", "destination": {"type": "http", "url": "https://example.com/a"}}]}
            """);

        Assert.Equal((4, "gpu", true, true), (body.Parallel, body.RoutingKey, body.Async, body.UploadIsList));
        var upload = Assert.Single(body.Uploads);
        Assert.True(upload.Async);
        Assert.IsType<HttpDestination>(upload.Destination);
    }

    [Fact]
    public void A_single_upload_task_is_not_a_list()
    {
        var body = Valid("""{"movie": "m", "upload": {"extension": "mp4", "destination": {"type": "http", "url": "https://example.com/a"}}}""");

        Assert.False(body.UploadIsList);
        Assert.False(Assert.Single(body.Uploads).Async);
    }

    [Theory]
    [InlineData("""[{"movie": "m"}]""", "invalid_request", "The body must be a JSON object.")]
    [InlineData("\"greeting\"", "invalid_request", "The body must be a JSON object.")]
    [InlineData("null", "invalid_request", "The body must be a JSON object.")]
    [InlineData("""{"params": {}}""", "missing_movie", "'movie' is required: a movie name, or a map from extension to movie name with an optional \"*\" fallback.")]
    [InlineData("""{"movie": null}""", "missing_movie", "'movie' is required: a movie name, or a map from extension to movie name with an optional \"*\" fallback.")]
    [InlineData("""{"movie": {}}""", "missing_movie", "The movie map is empty.")]
    [InlineData("""{"movie": 7}""", "invalid_movie", "'movie' must be a movie name or a map from extension to movie name.")]
    [InlineData("""{"movie": ["a"]}""", "invalid_movie", "'movie' must be a movie name or a map from extension to movie name.")]
    [InlineData("""{"movie": {"avi": "a"}}""", "invalid_movie", "The movie map has no entry for a format we render (mp4, webm, flv, mpeg, wmv, mov, gif, jpg, png, tif) and no \"*\" fallback.")]
    [InlineData("""{"movie": {".mp4": "a"}}""", "invalid_movie", "The movie map key '.mp4' is not an extension (letters and digits, such as mp4) or \"*\".")]
    [InlineData("""{"movie": {"mp4": 1}}""", "invalid_movie", "The movie map entry 'mp4' must be a movie name.")]
    [InlineData("""{"movie": "../secrets"}""", "invalid_movie", "'../secrets' is not a movie name.")]
    [InlineData("""{"movie": ""}""", "invalid_movie", "'' is not a movie name.")]
    [InlineData("""{"movie": "a b"}""", "invalid_movie", "'a b' is not a movie name.")]
    [InlineData("""{"movie": {"gif": "ok", "mp4": "bad/name"}}""", "invalid_movie", "'bad/name' is not a movie name.")]
    [InlineData("""{"movie": "m", "params": [1]}""", "invalid_params", "'params' must be an object mapping variable names to values.")]
    [InlineData("""{"movie": "m", "params": "name=x"}""", "invalid_params", "'params' must be an object mapping variable names to values.")]
    [InlineData("""{"movie": "m", "params": {"name": {"nested": 1}}}""", "invalid_params", "The param 'name' must be a string, number or boolean.")]
    [InlineData("""{"movie": "m", "params": {"name": null}}""", "invalid_params", "The param 'name' must be a string, number or boolean.")]
    [InlineData("""{"movie": "m", "params": {"list": [1, 2]}}""", "invalid_params", "The param 'list' must be a string, number or boolean.")]
    [InlineData("""{"movie": "m", "routingKey": 5}""", "invalid_routing_key", "'routingKey' must be a string.")]
    [InlineData("""{"movie": "m", "routingkey": true}""", "invalid_routing_key", "'routingkey' must be a string.")]
    [InlineData("""{"movie": "m", "routingKey": "nobody"}""", "unknown_routing_key", "There is no render pool for the routing key 'nobody'.")]
    [InlineData("""{"movie": "m", "routingKey": "DEFAULT"}""", "unknown_routing_key", "There is no render pool for the routing key 'DEFAULT'.")]
    [InlineData("""{"movie": "m", "async": "yes"}""", "invalid_async", "'async' must be true or false.")]
    [InlineData("""{"movie": "m", "async": 1}""", "invalid_async", "'async' must be true or false.")]
    [InlineData("""{"movie": "m", "format": "avi"}""", "unsupported_extension", "'format' must be one of mp4, webm, flv, mpeg, wmv, mov, gif, jpg, png, tif.")]
    [InlineData("""{"movie": "m", "format": 4}""", "unsupported_extension", "'format' must be one of mp4, webm, flv, mpeg, wmv, mov, gif, jpg, png, tif.")]
    [InlineData("""{"movie": "m", "format": ""}""", "unsupported_extension", "'format' must be one of mp4, webm, flv, mpeg, wmv, mov, gif, jpg, png, tif.")]
    [InlineData("""{"movie": "m", "upload": []}""", "invalid_upload", "'upload' is an empty list.")]
    [InlineData("""{"movie": {"mp4": "m"}, "upload": {"extension": "gif", "destination": {"type": "http", "url": "https://example.com/a"}}}""", "invalid_upload", "'upload.extension' is 'gif', but the movie map has no entry for it and no \"*\" fallback.")]
    public void Each_mistake_is_a_400_with_its_own_code_and_sentence(string json, string error, string message) =>
        Assert.Equal(new ErrorResult(400, error, message), Invalid(json));

    [Theory]
    [InlineData("0", 1)]
    [InlineData("-1", 1)]
    [InlineData("5", 4)]
    [InlineData("1000", 4)]
    [InlineData("1.5", 1)]
    [InlineData("2.0", 2)]
    [InlineData("1e10", 4)]
    [InlineData("2147483648", 4)]
    [InlineData("-2147483649", 1)]
    [InlineData("99999999999999999999999999", 4)]
    [InlineData("1e999", 4)]
    [InlineData("-1e999", 1)]
    public void Parallel_is_a_hint_clamped_to_one_and_the_configured_maximum(string parallel, int expected) =>
        Assert.Equal(expected, Valid($$"""{"movie": "m", "parallel": {{parallel}}}""").Parallel);

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("true")]
    [InlineData("[2]")]
    public void Parallel_must_be_a_number(string parallel) =>
        Assert.Equal(new ErrorResult(400, "invalid_parallel", "'parallel' must be a number (1 to 4; others are clamped)."), Invalid($$"""{"movie": "m", "parallel": {{parallel}}}"""));

    [Fact]
    public void A_movie_map_keeps_keys_of_formats_we_do_not_render()
    {
        var body = Valid("""{"movie": {"mp4": "a", "webm": "b", "XYZ": "c"}}""");

        Assert.Equal(new Dictionary<string, string> { ["mp4"] = "a", ["webm"] = "b", ["xyz"] = "c" }, body.Movies);
        Assert.Equal("gif", Valid("""{"movie": {"xyz": "a", "gif": "b"}}""").DefaultExtension());
    }

    [Fact]
    public void Long_names_and_keys_are_quoted_cut_to_60_characters()
    {
        var name = new string('n', 80) + "/";
        Assert.Equal($"'{new string('n', 60)}…' is not a movie name.", Invalid($$"""{"movie": "{{name}}"}""").Message);
        Assert.Equal(
            $"There is no render pool for the routing key '{new string('r', 60)}…'.",
            Invalid($$"""{"movie": "m", "routingKey": "{{new string('r', 100)}}"}""").Message);
        Assert.Equal(
            $"The param '{new string('p', 60)}…' must be a string, number or boolean.",
            Invalid($$"""{"movie": "m", "params": { "{{new string('p', 100)}}": { } } }""").Message);
    }

    [Fact]
    public void A_movie_name_of_100_characters_is_allowed_and_101_is_not()
    {
        Assert.Equal(new string('m', 100), Valid($$"""{"movie": "{{new string('m', 100)}}"}""").Movies["*"]);
        Assert.Equal("invalid_movie", Invalid($$"""{"movie": "{{new string('m', 101)}}"}""").Error);
    }
}
