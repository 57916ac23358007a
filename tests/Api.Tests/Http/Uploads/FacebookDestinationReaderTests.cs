using Orleans.Render.Models.Uploads;
using Xunit;
using static Orleans.Render.Api.Tests.Http.Uploads.UploadTaskReader;

namespace Orleans.Render.Api.Tests.Http.Uploads;

public sealed class FacebookDestinationReaderTests
{
    [Fact]
    public void Every_field_is_read()
    {
        var facebook = Destination<FacebookDestination>(
            """{"type": "facebook", "oauth_access_token": "EAAB", "pageid": "1234567890", "title": "T", "description": "D", "caption": "C", "name": "N"}""");

        Assert.Equal(new FacebookDestination("EAAB", "1234567890", "T", "D", "C", "N"), facebook);
    }

    [Fact]
    public void The_video_goes_to_me_by_default_and_account_may_carry_the_token() =>
        Assert.Equal(new FacebookDestination("EAAB", "me", null, null, null, null), Destination<FacebookDestination>("""{"type": "facebook", "account": "EAAB"}"""));

    [Theory]
    [InlineData("""{"type": "facebook"}""", "'upload.destination.oauth_access_token' (or 'account') is required.")]
    [InlineData("""{"type": "facebook", "oauth_access_token": "t", "pageid": "../me/feed"}""", "'upload.destination.pageid' must be a page or user id.")]
    [InlineData("""{"type": "facebook", "oauth_access_token": "t", "pageid": "me?fields=x"}""", "'upload.destination.pageid' must be a page or user id.")]
    [InlineData("""{"type": "facebook", "oauth_access_token": "t", "pageid": "1234567890123456789012345678901"}""", "'upload.destination.pageid' must be a page or user id.")]
    [InlineData("""{"type": "facebook", "oauth_access_token": "t", "pageid": 123}""", "'upload.destination.pageid' must be a string.")]
    public void Each_mistake_is_named(string destination, string expected) =>
        Assert.Equal(expected, Error(destination));
}
