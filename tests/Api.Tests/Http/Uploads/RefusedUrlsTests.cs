using Xunit;
using static Orleans.Render.Api.Tests.Http.Uploads.UploadTaskReader;

namespace Orleans.Render.Api.Tests.Http.Uploads;

/// <summary>Destinations and callbacks go through the same address policy as media when the request arrives: 422 <c>url_refused</c> naming the field.</summary>
public sealed class RefusedUrlsTests
{
    private const string Http = """{"type": "http", "url": "https://example.com/x"}""";

    [Theory]
    [InlineData("""{"type": "http", "url": "http://127.0.0.1:8080/x"}""", "upload.destination.url")]
    [InlineData("""{"type": "http", "url": "http://[::ffff:169.254.169.254]/latest"}""", "upload.destination.url")]
    [InlineData("""{"type": "http", "url": "http://2130706433/"}""", "upload.destination.url")]
    [InlineData("""{"type": "http", "url": "http://metadata.google.internal/"}""", "upload.destination.url")]
    [InlineData("""{"type": "s3", "bucket": "videos", "filename": "a.mp4", "aws_use_policy": true, "s3host": "10.1.2.3:9000"}""", "upload.destination.s3host")]
    [InlineData("""{"type": "s3", "bucket": "videos", "filename": "a.mp4", "aws_use_policy": true, "s3host": "http://localhost:9000"}""", "upload.destination.s3host")]
    [InlineData("""{"type": "azureblob", "container": "c", "key": "k", "connectionstring": "AccountName=a;AccountKey=a2V5;BlobEndpoint=http://169.254.169.254/a"}""", "upload.destination.connectionstring")]
    [InlineData("""{"type": "azureblob", "container": "c", "key": "k", "connectionstring": "DefaultEndpointsProtocol=http;AccountName=a;AccountKey=a2V5;EndpointSuffix=internal"}""", "upload.destination.connectionstring")]
    public void Private_destinations_are_refused_naming_the_field(string destination, string field)
    {
        var (tasks, error) = Read($$"""{"extension": "mp4", "destination": {{destination}}}""");

        Assert.Null(tasks);
        Assert.Equal("url_refused", error!.Code);
        Assert.StartsWith($"'{field}' ", error.Message);
        Assert.Equal(422, ErrorResult.Of(error.ToResult()).Status);
    }

    [Theory]
    [InlineData("onsuccess", "http://192.168.1.10/hook")]
    [InlineData("onerror", "http://[fd00::1]/hook")]
    [InlineData("onsuccess", "http://localhost./hook")]
    public void Private_callbacks_are_refused_naming_the_field(string field, string url)
    {
        var (_, error) = Read($$"""[{"extension": "mp4", "destination": {{Http}}}, {"extension": "mp4", "destination": {{Http}}, "{{field}}": "{{url}}"}]""");

        Assert.Equal(("url_refused", $"'upload[1].{field}' names a loopback, private, link-local or metadata address."), (error!.Code, error.Message));
    }

    [Fact]
    public void A_callback_cannot_smuggle_a_header()
    {
        var (_, error) = Read($$"""{"extension": "mp4", "destination": {{Http}}, "onsuccess": "https://example.com/ok?x=1\r\nHost: evil"}""");

        Assert.Equal(("url_refused", "'upload.onsuccess' contains whitespace or control characters."), (error!.Code, error.Message));
    }

    [Fact]
    public void Allow_listed_endpoints_and_public_hosts_are_accepted()
    {
        Assert.Null(Read("""{"extension": "mp4", "destination": {"type": "s3", "bucket": "videos", "filename": "a.mp4", "aws_use_policy": true, "s3host": "127.0.0.1:9000"}}""").Error);
        Assert.Null(Read("""{"extension": "mp4", "destination": {"type": "azureblob", "container": "c", "key": "k", "connectionstring": "UseDevelopmentStorage=true"}}""").Error);
        Assert.Null(Read("""{"extension": "mp4", "destination": {"type": "azureblob", "container": "c", "key": "k", "connectionstring": "AccountName=acct;AccountKey=a2V5"}}""").Error);
    }
}
