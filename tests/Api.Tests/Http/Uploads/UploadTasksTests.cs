using Orleans.Render.Api.Http.Uploads;
using Orleans.Render.Models.Uploads;
using Xunit;
using static Orleans.Render.Api.Tests.Http.Uploads.UploadTaskReader;

namespace Orleans.Render.Api.Tests.Http.Uploads;

/// <summary>The <c>upload</c> field as a whole: one task or a list, the task's own fields, and the dispatch to a destination reader.</summary>
public sealed class UploadTasksTests
{
    /// <summary>The smallest valid destination of each type the API accepts.</summary>
    public static readonly TheoryData<string, string> MinimalDestinations = new()
    {
        { UploadDestinationTypes.S3, """{"type": "s3", "bucket": "videos", "filename": "a.mp4", "aws_use_policy": true}""" },
        { UploadDestinationTypes.AzureBlob, """{"type": "azureblob", "container": "c", "key": "a.mp4", "connectionstring": "UseDevelopmentStorage=true"}""" },
        { UploadDestinationTypes.Http, """{"type": "http", "url": "https://example.com/a.mp4"}""" },
        { UploadDestinationTypes.YouTube, """{"type": "youtube", "oauth_access_token": "t", "title": "T", "description": "D", "category": 22}""" },
        { UploadDestinationTypes.Facebook, """{"type": "facebook", "oauth_access_token": "t"}""" },
        { UploadDestinationTypes.Dropbox, """{"type": "dropbox", "oauth_access_token": "t", "filename": "a.mp4"}""" },
    };

    [Theory]
    [MemberData(nameof(MinimalDestinations))]
    public void Every_destination_type_is_read_into_its_own_record(string type, string destination) =>
        Assert.Equal(type, Task(destination).Destination.Type);

    [Fact]
    public void The_minimal_destinations_cover_every_type_the_api_accepts() =>
        Assert.Equal(UploadDestinationTypes.All.Order(), MinimalDestinations.Select(row => (string)row[0]).Order());

    [Fact]
    public void One_task_is_read_with_the_requests_async_and_its_callbacks()
    {
        var (tasks, error) = Parse(
            """{"extension": "MP4", "destination": {"type": "HTTP", "url": "https://example.com/a"}, "onsuccess": "https://example.com/ok?x=1", "onerror": "http://example.com/err"}""",
            requestIsAsync: true);

        Assert.Null(error);
        var task = Assert.Single(tasks!);
        Assert.Equal(("mp4", true, "https://example.com/ok?x=1", "http://example.com/err"), (task.Extension, task.Async, task.OnSuccess, task.OnError));
        Assert.IsType<HttpDestination>(task.Destination);
    }

    [Fact]
    public void A_list_keeps_its_order_and_each_task_may_set_its_own_async()
    {
        var (tasks, error) = Parse(
            """
            [{"extension": "jpg", "destination": {"type": "http", "url": "https://example.com/a"}, "async": false},
             {"extension": "gif", "destination": {"type": "http", "url": "https://example.com/b"}}]
            """,
            requestIsAsync: true);

        Assert.Null(error);
        Assert.Equal([("jpg", false), ("gif", true)], tasks!.Select(t => (t.Extension, t.Async)));
    }

    [Theory]
    [InlineData("[]", "'upload' is an empty list.")]
    [InlineData("7", "'upload' must be an upload task object.")]
    [InlineData("\"s3\"", "'upload' must be an upload task object.")]
    [InlineData("[null]", "'upload[0]' must be an upload task object.")]
    [InlineData("""{"destination": {"type": "s3"}}""", "'upload.extension' must be one of mp4, webm, flv, mpeg, wmv, mov, gif, jpg, png, tif.")]
    [InlineData("""{"extension": "avi"}""", "'upload.extension' must be one of mp4, webm, flv, mpeg, wmv, mov, gif, jpg, png, tif.")]
    [InlineData("""{"extension": 4}""", "'upload.extension' must be a string.")]
    [InlineData("""{"extension": "mp4"}""", "'upload.destination' must be an object with a 'type'.")]
    [InlineData("""{"extension": "mp4", "destination": "s3://bucket/key"}""", "'upload.destination' must be an object with a 'type'.")]
    [InlineData("""{"extension": "mp4", "destination": {}}""", "'upload.destination.type' is required: s3, azureblob, http, youtube, facebook or dropbox.")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "ftp"}}""", "'upload.destination.type' must be s3, azureblob, http, youtube, facebook or dropbox.")]
    [InlineData("""{"extension": "mp4", "destination": {"type": ["s3"]}}""", "'upload.destination.type' must be a string.")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "http", "url": "https://example.com/a"}, "async": "yes"}""", "'upload.async' must be true or false.")]
    [InlineData("""{"extension": "mp4", "destination": {"type": "http", "url": "https://example.com/a"}, "async": 1}""", "'upload.async' must be true or false.")]
    public void Each_mistake_in_a_task_is_named_by_its_path(string upload, string expected) =>
        Assert.Equal(expected, Parse(upload).Error);

    [Fact]
    public void A_mistake_in_a_list_names_the_tasks_index()
    {
        var (_, error) = Parse("""[{"extension": "mp4", "destination": {"type": "http", "url": "https://example.com/a"}}, {"extension": "mp4", "destination": {"type": "http"}}]""");

        Assert.Equal("'upload[1].destination.url' is required.", error);
    }

    [Fact]
    public void More_than_ten_tasks_are_refused()
    {
        var task = """{"extension": "mp4", "destination": {"type": "http", "url": "https://example.com/a"}}""";

        Assert.Equal(10, Parse($"[{string.Join(',', Enumerable.Repeat(task, 10))}]").Tasks!.Count);
        Assert.Equal("'upload' may list at most 10 tasks.", Parse($"[{string.Join(',', Enumerable.Repeat(task, 11))}]").Error);
    }

    [Fact]
    public void An_extension_the_movie_map_cannot_make_is_refused_unless_there_is_a_fallback()
    {
        var upload = """{"extension": "gif", "destination": {"type": "http", "url": "https://example.com/a"}}""";

        Assert.Equal(
            "'upload.extension' is 'gif', but the movie map has no entry for it and no \"*\" fallback.",
            Parse(upload, new Dictionary<string, string> { ["mp4"] = "greeting" }).Error);
        Assert.Null(Parse(upload, new Dictionary<string, string> { ["gif"] = "greeting" }).Error);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/cb")]
    [InlineData("gopher://example.com/cb")]
    [InlineData("/relative/callback")]
    [InlineData("https://")]
    [InlineData("https://user:secret@example.com/cb")]
    [InlineData("example.com/cb")]
    public void Callbacks_must_be_absolute_http_urls_without_credentials(string url)
    {
        var (_, error) = Parse($$"""{"extension": "mp4", "destination": {"type": "http", "url": "https://example.com/a"}, "onerror": "{{url}}"}""");

        Assert.Equal("'upload.onerror' must be an absolute http or https URL without credentials.", error);
    }

    [Fact]
    public void Text_over_4096_characters_is_refused_without_echoing_it()
    {
        var secret = "S" + new string('x', 4096);

        var error = Error($$"""{"type": "s3", "bucket": "videos", "filename": "a.mp4", "aws_access_key_id": "AKIA", "aws_secret_access_key": "{{secret}}"}""");

        Assert.Equal("'upload.destination.aws_secret_access_key' may be at most 4096 characters.", error);
    }
}
