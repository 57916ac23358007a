using Orleans.Render.Models.Uploads;
using Xunit;
using static Orleans.Render.Api.Tests.Http.Uploads.UploadTaskReader;

namespace Orleans.Render.Api.Tests.Http.Uploads;

public sealed class YouTubeDestinationReaderTests
{
    private const string Valid = """ "type": "youtube", "oauth_access_token": "ya29.secret", "title": "Hello", "description": "A video" """;

    [Fact]
    public void Every_field_is_read()
    {
        var youtube = Destination<YouTubeDestination>(
            $$"""{ {{Valid}}, "category": "22", "status": "unlisted", "tags": ["a", "b"], "playlistid": "PL1", "notifySubscribers": false, "mimetype": "video/webm" }""");

        Assert.Equal(
            ("ya29.secret", "Hello", "A video", "22", "unlisted", "PL1", false, "video/webm"),
            (youtube.AccessToken, youtube.Title, youtube.Description, youtube.Category, youtube.Status, youtube.PlaylistId, youtube.NotifySubscribers, youtube.MimeType));
        Assert.Equal(["a", "b"], youtube.Tags);
    }

    [Fact]
    public void A_public_video_with_notified_subscribers_is_the_default_and_the_category_may_be_a_number()
    {
        var youtube = Destination<YouTubeDestination>($$"""{ {{Valid}}, "category": 10 }""");

        Assert.Equal(("10", "public", true, "video/mp4", null), (youtube.Category, youtube.Status, youtube.NotifySubscribers, youtube.MimeType, youtube.PlaylistId));
        Assert.Empty(youtube.Tags);
        Assert.False(Destination<YouTubeDestination>($$"""{ {{Valid}}, "category": 10, "notifysubscribers": false }""").NotifySubscribers);
    }

    [Theory]
    [InlineData("""{"type": "youtube", "title": "t", "description": "d", "category": 22}""", "'upload.destination.oauth_access_token' is required.")]
    [InlineData("""{"type": "youtube", "auth_secret": "s", "title": "t", "description": "d", "category": 22}""", "'upload.destination.auth_secret' (a console-stored authorization) is not supported here; pass 'oauth_access_token'.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "description": "d", "category": 22}""", "'upload.destination.title' is required.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "category": 22}""", "'upload.destination.description' is required.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d"}""", "'upload.destination.category' is required (a YouTube category id such as 22).")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d", "category": "music"}""", "'upload.destination.category' must be a numeric YouTube category id.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d", "category": -1}""", "'upload.destination.category' must be a numeric YouTube category id.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d", "category": 2.5}""", "'upload.destination.category' must be a numeric YouTube category id.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d", "category": 1e400}""", "'upload.destination.category' must be a numeric YouTube category id.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d", "category": [22]}""", "'upload.destination.category' must be a string.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d", "category": 22, "status": "secret"}""", "'upload.destination.status' must be public, private or unlisted.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d", "category": 22, "tags": "a,b"}""", "'upload.destination.tags' must be a list of at most 100 strings.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d", "category": 22, "tags": [1]}""", "'upload.destination.tags' must be a list of at most 100 strings.")]
    [InlineData("""{"type": "youtube", "oauth_access_token": "t", "title": "t", "description": "d", "category": 22, "notifySubscribers": "no"}""", "'upload.destination.notifySubscribers' must be true or false.")]
    public void Each_mistake_is_named(string destination, string expected) =>
        Assert.Equal(expected, Error(destination));

    [Fact]
    public void At_most_100_tags_are_taken()
    {
        string Tags(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"\"t{i}\""));

        Assert.Equal(100, Destination<YouTubeDestination>($$"""{ {{Valid}}, "category": 22, "tags": [{{Tags(100)}}] }""").Tags.Count);
        Assert.Equal("'upload.destination.tags' must be a list of at most 100 strings.", Error($$"""{ {{Valid}}, "category": 22, "tags": [{{Tags(101)}}] }"""));
    }
}
