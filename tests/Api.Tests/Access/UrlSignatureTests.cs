using Orleans.Render.Api.Access;
using Xunit;

namespace Orleans.Render.Api.Tests.Access;

public sealed class UrlSignatureTests
{
    private const string Secret = "project-signing-secret";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly long InAnHour = Now.AddHours(1).ToUnixTimeSeconds();

    private static (string Path, string Query) Split(string url) => (url[..url.IndexOf('?')], url[url.IndexOf('?')..]);

    [Fact]
    public void A_signed_path_verifies_until_it_expires_and_then_is_expired()
    {
        var (path, query) = Split(UrlSignature.Sign(Secret, "/v2/render/abc.mp4", InAnHour));

        Assert.Equal((SignatureCheck.Valid, InAnHour), UrlSignature.Verify(Secret, path, query, Now));
        Assert.Equal(SignatureCheck.Valid, UrlSignature.Verify(Secret, path, query, Now.AddHours(1).AddSeconds(-1)).Check);
        Assert.Equal(SignatureCheck.Expired, UrlSignature.Verify(Secret, path, query, Now.AddHours(1)).Check);
    }

    [Fact]
    public void The_known_vector_matches_the_documented_recipe()
    {
        // Computed with the openssl line docs/api.md gives.
        Assert.Equal(
            "/v2/render/abc.mp4?expires=1800003600&signature=11bRDPNc0dc8FqKyBSI7Ag94n8JcTM3i59J6WEbvGek",
            UrlSignature.Sign("s3cret", "/v2/render/abc.mp4", 1_800_003_600));
    }

    [Theory]
    [InlineData("/v2/render/abd.mp4", "")]
    [InlineData("/v2/render/abc.mp4", "&frame=3")]
    [InlineData("/v2/render/abc.webm", "")]
    public void Changing_the_path_or_adding_a_parameter_invalidates_the_signature(string otherPath, string extra)
    {
        var (_, query) = Split(UrlSignature.Sign(Secret, "/v2/render/abc.mp4", InAnHour));

        Assert.Equal(SignatureCheck.Invalid, UrlSignature.Verify(Secret, otherPath, query + extra, Now).Check);
    }

    [Fact]
    public void Params_in_the_query_are_signed_and_cannot_be_changed()
    {
        var (path, query) = Split(UrlSignature.Sign(Secret, "/v1/render/p/movie.jpg?name=Alex&frame=2", InAnHour));

        Assert.Equal(SignatureCheck.Valid, UrlSignature.Verify(Secret, path, query, Now).Check);
        Assert.Equal(SignatureCheck.Invalid, UrlSignature.Verify(Secret, path, query.Replace("Alex", "Eve", StringComparison.Ordinal), Now).Check);
    }

    [Fact]
    public void A_later_expiry_another_secret_or_a_second_signature_is_invalid()
    {
        var (path, query) = Split(UrlSignature.Sign(Secret, "/v2/render/abc.mp4", InAnHour));

        Assert.Equal(SignatureCheck.Invalid, UrlSignature.Verify(Secret, path, query.Replace($"expires={InAnHour}", $"expires={InAnHour + 3600}", StringComparison.Ordinal), Now).Check);
        Assert.Equal(SignatureCheck.Invalid, UrlSignature.Verify("another-secret", path, query, Now).Check);
        Assert.Equal(SignatureCheck.Invalid, UrlSignature.Verify(null, path, query, Now).Check);
        Assert.Equal(SignatureCheck.Invalid, UrlSignature.Verify(Secret, path, query + "&signature=x", Now).Check);
    }

    [Theory]
    [InlineData("?signature=abc")]
    [InlineData("?expires=soon&signature=abc")]
    [InlineData("?expires=-5&signature=abc")]
    [InlineData("?expires=1&expires=2&signature=abc")]
    public void A_signature_without_one_numeric_expiry_is_invalid(string query) =>
        Assert.Equal(SignatureCheck.Invalid, UrlSignature.Verify(Secret, "/v2/render/abc.mp4", query, Now).Check);

    [Theory]
    [InlineData("")]
    [InlineData("?frame=3")]
    [InlineData("?expires=1800003600")]
    public void No_signature_parameter_is_missing(string query) =>
        Assert.Equal(SignatureCheck.Missing, UrlSignature.Verify(Secret, "/v2/render/abc.mp4", query, Now).Check);

    [Fact]
    public void A_signed_playlist_signs_its_segments_as_the_token_directory_beside_it()
    {
        var grant = new SignedUrlGrant(Secret, InAnHour);

        var query = grant.SegmentQuery("/v2/get/TOKEN.m3u8", "TOKEN");

        Assert.StartsWith($"?expires={InAnHour}&signature=", query, StringComparison.Ordinal);
        foreach (var segment in new[] { "/v2/get/TOKEN/init.mp4", "/v2/get/TOKEN/3.m4s", "/v2/get/TOKEN/v/7.m4s" })
        {
            var directory = SignedUrlGrant.SegmentDirectory(segment, "TOKEN")!;
            Assert.Equal("/v2/get/TOKEN/", directory);
            Assert.Equal(SignatureCheck.Valid, UrlSignature.Verify(Secret, directory, query, Now).Check);
        }

        Assert.Equal(SignatureCheck.Invalid, UrlSignature.Verify(Secret, "/v2/get/OTHER/", query, Now).Check);
        Assert.Equal("/v1/get/project/TOKEN/", SignedUrlGrant.SegmentDirectory("/v1/get/project/TOKEN/a/0.m4s", "TOKEN"));
    }
}
