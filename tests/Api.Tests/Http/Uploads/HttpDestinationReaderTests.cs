using Orleans.Render.Models.Uploads;
using Xunit;
using static Orleans.Render.Api.Tests.Http.Uploads.UploadTaskReader;

namespace Orleans.Render.Api.Tests.Http.Uploads;

public sealed class HttpDestinationReaderTests
{
    [Fact]
    public void A_put_of_the_body_is_the_default()
    {
        var http = Destination<HttpDestination>("""{"type": "http", "url": "https://cms.example.com/posters/a.jpg?sig=abc"}""");

        Assert.Equal(("https://cms.example.com/posters/a.jpg?sig=abc", "PUT", "file", null, null), (http.Url, http.Method, http.Field, http.Filename, http.ContentType));
        Assert.Empty(http.Headers);
    }

    [Fact]
    public void A_post_names_its_form_field_and_file_and_carries_headers()
    {
        var http = Destination<HttpDestination>(
            """{"type": "http", "url": "http://example.com/up", "method": "post", "field": "video", "filename": "a.mp4", "contenttype": "video/mp4", "headers": {"Authorization": "Bearer t", "X-Api-Key": "k"}}""");

        Assert.Equal(("POST", "video", "a.mp4", "video/mp4"), (http.Method, http.Field, http.Filename, http.ContentType));
        Assert.Equal(new Dictionary<string, string> { ["Authorization"] = "Bearer t", ["X-Api-Key"] = "k" }, http.Headers);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/x")]
    [InlineData("data:text/plain,hello")]
    [InlineData("//example.com/x")]
    [InlineData("https://user:pw@example.com/x")]
    [InlineData("example.com/x")]
    public void The_url_must_be_absolute_http_without_credentials(string url) =>
        Assert.Equal(
            "'upload.destination.url' must be an absolute http or https URL without credentials.",
            Error($$"""{"type": "http", "url": "{{url}}"}"""));

    [Theory]
    [InlineData("""{"type": "http"}""", "'upload.destination.url' is required.")]
    [InlineData("""{"type": "http", "url": 7}""", "'upload.destination.url' must be a string.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "method": "GET"}""", "'upload.destination.method' must be PUT or POST.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "method": "DELETE"}""", "'upload.destination.method' must be PUT or POST.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "headers": {"Host": "internal"}}""", "'upload.destination.headers' may not set 'Host'.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "headers": {"content-LENGTH": "1"}}""", "'upload.destination.headers' may not set 'content-LENGTH'.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "headers": {"Transfer-Encoding": "chunked"}}""", "'upload.destination.headers' may not set 'Transfer-Encoding'.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "headers": {"Idempotency-Key": "mine"}}""", "'upload.destination.headers' may not set 'Idempotency-Key'.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "headers": {"X Bad": "1"}}""", "'upload.destination.headers' may not set 'X Bad'.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "headers": {"X-Bad:": "1"}}""", "'upload.destination.headers' may not set 'X-Bad:'.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "headers": {"X-Ok": "a\r\nHost: evil"}}""", "'upload.destination.headers' values may not contain line breaks or control characters.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "headers": {"X-Ok": "a\nb"}}""", "'upload.destination.headers' values may not contain line breaks or control characters.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "headers": ["X-Ok: 1"]}""", "'upload.destination.headers' must be an object of strings.")]
    [InlineData("""{"type": "http", "url": "https://example.com/x", "headers": {"X-Ok": true}}""", "'upload.destination.headers' must be an object of at most 50 strings.")]
    public void Each_mistake_is_named(string destination, string expected) =>
        Assert.Equal(expected, Error(destination));
}
