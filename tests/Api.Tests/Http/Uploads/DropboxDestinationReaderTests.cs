using Orleans.Render.Models.Uploads;
using Xunit;
using static Orleans.Render.Api.Tests.Http.Uploads.UploadTaskReader;

namespace Orleans.Render.Api.Tests.Http.Uploads;

public sealed class DropboxDestinationReaderTests
{
    [Theory]
    [InlineData("/videos/alex.mp4", "/videos/alex.mp4")]
    [InlineData("videos/alex.mp4", "/videos/alex.mp4")]
    [InlineData("alex.mp4", "/alex.mp4")]
    public void The_path_is_made_absolute(string filename, string path) =>
        Assert.Equal(new DropboxDestination("sl.token", path), Destination<DropboxDestination>($$"""{"type": "dropbox", "oauth_access_token": "sl.token", "filename": "{{filename}}"}"""));

    [Fact]
    public void Account_may_carry_the_token() =>
        Assert.Equal("sl.token", Destination<DropboxDestination>("""{"type": "dropbox", "account": "sl.token", "filename": "a.mp4"}""").AccessToken);

    [Theory]
    [InlineData("""{"type": "dropbox", "filename": "/a.mp4"}""", "'upload.destination.oauth_access_token' (or 'account') is required.")]
    [InlineData("""{"type": "dropbox", "oauth_access_token": "t"}""", "'upload.destination.filename' is required.")]
    [InlineData("""{"type": "dropbox", "oauth_access_token": "t", "filename": "/videos/"}""", "'upload.destination.filename' must be a file path such as /videos/alex.mp4.")]
    [InlineData("""{"type": "dropbox", "oauth_access_token": "t", "filename": "/"}""", "'upload.destination.filename' must be a file path such as /videos/alex.mp4.")]
    [InlineData("""{"type": "dropbox", "oauth_access_token": "t", "filename": "//server/a.mp4"}""", "'upload.destination.filename' must be a file path such as /videos/alex.mp4.")]
    [InlineData("""{"type": "dropbox", "oauth_access_token": "t", "filename": "/a\u0000.mp4"}""", "'upload.destination.filename' may not contain control characters.")]
    [InlineData("""{"type": "dropbox", "oauth_access_token": "t", "filename": "/a\n.mp4"}""", "'upload.destination.filename' must be a file path such as /videos/alex.mp4.")]
    [InlineData("""{"type": "dropbox", "oauth_access_token": 42, "filename": "/a.mp4"}""", "'upload.destination.oauth_access_token' must be a string.")]
    public void Each_mistake_is_named(string destination, string expected) =>
        Assert.Equal(expected, Error(destination));
}
