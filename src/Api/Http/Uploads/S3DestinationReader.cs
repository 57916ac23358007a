using System.Text.RegularExpressions;
using Orleans.Render.Conventions;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Http.Uploads;

/// <summary>An <c>s3</c> destination: bucket and key, a key pair unless the silo's policy signs, an optional S3-compatible host.</summary>
internal sealed partial class S3DestinationReader : IDestinationReader
{
    private static readonly HashSet<string> CannedAcls = new(
        ["private", "public-read", "public-read-write", "authenticated-read", "bucket-owner-read", "bucket-owner-full-control"], StringComparer.Ordinal);

    public string Type => UploadDestinationTypes.S3;

    public UploadDestination Read(UploadFields d, string extension)
    {
        var bucket = d.Required("bucket");
        if (!BucketName().IsMatch(bucket))
        {
            throw d.Invalid("bucket", "must be an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)");
        }

        var filename = d.Required("filename");
        if (filename.Length > 1024)
        {
            throw d.Invalid("filename", "may be at most 1024 characters");
        }

        var (keyId, secret, usePolicy) = (d.Text("aws_access_key_id"), d.Text("aws_secret_access_key"), d.Flag("aws_use_policy", false));
        if (!usePolicy && (keyId is null || secret is null))
        {
            throw d.Invalid("aws_access_key_id", "and 'aws_secret_access_key' are both required unless 'aws_use_policy' is true");
        }

        var host = d.Text("s3host");
        if (host is not null && !IsHostOrOrigin(host))
        {
            throw d.Invalid("s3host", "must be a host name with an optional port, or an http(s) URL with no path");
        }

        if (host is not null)
        {
            d.Check("s3host", host.Contains("://", StringComparison.Ordinal) ? host : $"https://{host}");
        }

        var region = d.Text("region");
        if (region is not null && !RegionName().IsMatch(region))
        {
            throw d.Invalid("region", "must be a region name such as eu-west-1");
        }

        var acl = d.Text("acl") ?? "public-read";
        if (!CannedAcls.Contains(acl))
        {
            throw d.Invalid("acl", $"must be one of {string.Join(", ", CannedAcls)}");
        }

        var metadata = d.StringMap("metadata");
        if (metadata.Keys.FirstOrDefault(k => !MetadataName().IsMatch(k)) is { } badName)
        {
            throw d.Invalid("metadata", $"has the name '{UploadFields.Short(badName)}'; names are letters, digits, '-' and '_'");
        }

        return new S3Destination(
            bucket, filename, keyId, secret, usePolicy, host, d.Flag("secure", false), d.HeaderValue("contenttype") ?? ContentTypeOf(extension),
            d.HeaderValue("contentdisposition"), acl, d.Flag("reduced_redundancy", false), d.HeaderValue("cachecontrol"), metadata, region);
    }

    private static string ContentTypeOf(string extension) =>
        OutputFormats.TryParse(extension, out var format) ? format.ContentType() : "application/octet-stream";

    private static bool IsHostOrOrigin(string host) =>
        host.Contains("://", StringComparison.Ordinal)
            ? Uri.TryCreate(host, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
              && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Query)
            : Uri.TryCreate($"https://{host}", UriKind.Absolute, out var bare) && bare.Authority.Equals(host, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex MetadataName();

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex RegionName();
}
