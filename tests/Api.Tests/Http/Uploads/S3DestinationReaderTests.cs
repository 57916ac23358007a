using Orleans.Render.Models.Uploads;
using Xunit;
using static Orleans.Render.Api.Tests.Http.Uploads.UploadTaskReader;

namespace Orleans.Render.Api.Tests.Http.Uploads;

public sealed class S3DestinationReaderTests
{
    private const string Valid = """ "type": "s3", "bucket": "my-videos.eu", "filename": "alex/hello.mp4", "aws_access_key_id": "AKIA1", "aws_secret_access_key": "SECRET-KEY" """;

    [Fact]
    public void Every_field_is_read()
    {
        var s3 = Destination<S3Destination>($$"""
            { {{Valid}}, "s3host": "https://minio.example.com:9000", "secure": true, "contenttype": "application/x-mp4",
              "contentdisposition": "attachment", "acl": "private", "reduced_redundancy": true, "cachecontrol": "max-age=60",
              "metadata": {"campaign": "spring", "x_id-2": "7"}, "region": "eu-west-1" }
            """);

        Assert.Equal(
            new S3Destination(
                "my-videos.eu", "alex/hello.mp4", "AKIA1", "SECRET-KEY", false, "https://minio.example.com:9000", true, "application/x-mp4",
                "attachment", "private", true, "max-age=60", s3.Metadata, "eu-west-1"),
            s3);
        Assert.Equal(new Dictionary<string, string> { ["campaign"] = "spring", ["x_id-2"] = "7" }, s3.Metadata);
    }

    [Theory]
    [InlineData("mp4", "video/mp4")]
    [InlineData("webm", "video/webm")]
    [InlineData("gif", "image/gif")]
    [InlineData("jpg", "image/jpeg")]
    [InlineData("png", "image/png")]
    public void Defaults_are_a_public_read_object_typed_by_its_extension(string extension, string contentType)
    {
        var s3 = Destination<S3Destination>($$"""{ {{Valid}} }""", extension);

        Assert.Equal((contentType, "public-read", false, false, null), (s3.ContentType, s3.Acl, s3.Secure, s3.UsePolicy, s3.Host));
        Assert.Empty(s3.Metadata);
    }

    [Fact]
    public void The_silos_policy_may_sign_instead_of_a_key_pair()
    {
        var s3 = Destination<S3Destination>("""{"type": "s3", "bucket": "videos", "filename": "a.mp4", "aws_use_policy": true}""");

        Assert.Equal((true, null, null), (s3.UsePolicy, s3.AccessKeyId, s3.SecretAccessKey));
    }

    [Theory]
    [InlineData("minio.example.com")]
    [InlineData("minio.example.com:9000")]
    [InlineData("127.0.0.1:9000")]
    [InlineData("http://minio.example.com:9000")]
    [InlineData("https://s3.example.com/")]
    public void An_s3_compatible_host_is_a_host_with_a_port_or_an_origin(string host) =>
        Assert.Equal(host, Destination<S3Destination>($$"""{ {{Valid}}, "s3host": "{{host}}" }""").Host);

    [Theory]
    [InlineData("""{"type": "s3", "filename": "a"}""", "'upload.destination.bucket' is required.")]
    [InlineData("""{"type": "s3", "bucket": "", "filename": "a"}""", "'upload.destination.bucket' is required.")]
    [InlineData("""{"type": "s3", "bucket": "videos"}""", "'upload.destination.filename' is required.")]
    [InlineData("""{"type": "s3", "bucket": "videos", "filename": "a", "aws_access_key_id": "AKIA1"}""", "'upload.destination.aws_access_key_id' and 'aws_secret_access_key' are both required unless 'aws_use_policy' is true.")]
    [InlineData("""{"type": "s3", "bucket": "videos", "filename": "a", "aws_use_policy": "true"}""", "'upload.destination.aws_use_policy' must be true or false.")]
    [InlineData("""{"type": "s3", "bucket": 12345, "filename": "a"}""", "'upload.destination.bucket' must be a string.")]
    public void Missing_or_mistyped_fields_are_named(string destination, string expected) =>
        Assert.Equal(expected, Error(destination));

    [Theory]
    [InlineData("ab")]
    [InlineData("My-Videos")]
    [InlineData("-videos")]
    [InlineData("videos-")]
    [InlineData("vid_eos")]
    [InlineData("../videos")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Bucket_names_follow_s3s_rules(string bucket) =>
        Assert.Equal(
            "'upload.destination.bucket' must be an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens).",
            Error($$"""{"type": "s3", "bucket": "{{bucket}}", "filename": "a", "aws_use_policy": true}"""));

    [Fact]
    public void A_key_over_1024_characters_is_refused() =>
        Assert.Equal(
            "'upload.destination.filename' may be at most 1024 characters.",
            Error($$"""{"type": "s3", "bucket": "videos", "filename": "{{new string('k', 1025)}}", "aws_use_policy": true}"""));

    [Theory]
    [InlineData("https://minio.local/bucket")]
    [InlineData("https://minio.local/?x=1")]
    [InlineData("https://user:pw@minio.local")]
    [InlineData("ftp://minio.local")]
    [InlineData("file:///etc/passwd")]
    [InlineData("minio.local/bucket")]
    [InlineData("minio.local:99999")]
    [InlineData("user@minio.local")]
    [InlineData("minio local")]
    public void A_host_with_a_path_query_credentials_or_another_scheme_is_refused(string host) =>
        Assert.Equal(
            "'upload.destination.s3host' must be a host name with an optional port, or an http(s) URL with no path.",
            Error($$"""{ {{Valid}}, "s3host": "{{host}}" }"""));

    [Fact]
    public void Only_canned_acls_are_accepted_and_the_secret_is_never_echoed()
    {
        var error = Error($$"""{ {{Valid}}, "acl": "everyone" }""");

        Assert.Equal(
            "'upload.destination.acl' must be one of private, public-read, public-read-write, authenticated-read, bucket-owner-read, bucket-owner-full-control.",
            error);
        Assert.DoesNotContain("SECRET-KEY", error);
    }

    [Theory]
    [InlineData("""{"bad name": "x"}""", "'upload.destination.metadata' has the name 'bad name'; names are letters, digits, '-' and '_'.")]
    [InlineData("""{"a": 1}""", "'upload.destination.metadata' must be an object of at most 50 strings.")]
    [InlineData("""["a"]""", "'upload.destination.metadata' must be an object of strings.")]
    public void Metadata_is_a_small_map_of_plain_names_to_strings(string metadata, string expected) =>
        Assert.Equal(expected, Error($$"""{ {{Valid}}, "metadata": {{metadata}} }"""));

    [Fact]
    public void Metadata_names_are_quoted_cut_to_40_characters_and_at_most_50_entries_are_allowed()
    {
        var longName = new string('n', 50) + "!";
        Assert.Equal(
            $"'upload.destination.metadata' has the name '{new string('n', 40)}…'; names are letters, digits, '-' and '_'.",
            Error($$"""{ {{Valid}}, "metadata": {"{{longName}}": "x"} }"""));

        var entries = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"\"k{i}\": \"v\""));
        Assert.Equal("'upload.destination.metadata' must be an object of at most 50 strings.", Error($$"""{ {{Valid}}, "metadata": { {{entries}} } }"""));
    }
}
