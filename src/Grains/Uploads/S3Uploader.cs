using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// Puts the output into an S3 bucket under the caller's key, which an attempt after a crash overwrites rather than
/// duplicates. Large files go as a multipart upload whose id is the session: the next attempt lists the parts already
/// there and sends only the rest.
/// </summary>
public sealed class S3Uploader(UploadHttp http, IOptions<UploadOptions> options) : IUploader
{
    public string Type => UploadDestinationTypes.S3;

    public async Task<string> UploadAsync(UploadDestination destination, UploadSource source, UploadSession session, CancellationToken cancellationToken)
    {
        var s3 = (S3Destination)destination;
        using var client = CreateClient(s3);
        try
        {
            if (source.Length < options.Value.S3MultipartThreshold)
            {
                var put = new PutObjectRequest { InputStream = source.Content, AutoCloseStream = false, UseChunkEncoding = false };
                Describe(put, s3);
                await client.PutObjectAsync(put, cancellationToken);
            }
            else
            {
                await UploadMultipartAsync(client, s3, source, session, cancellationToken);
            }
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode != 0)
        {
            throw new UploadFailedException(
                $"S3 answered {(int)ex.StatusCode} {ex.ErrorCode}: {ex.Message}", UploadFailedException.IsPermanentStatus((int)ex.StatusCode), ex);
        }

        return ObjectUrl(s3);
    }

    /// <summary>The object's URL: <c>https</c> only when <c>secure</c> asks for it, as impossible.io answers.</summary>
    public static string ObjectUrl(S3Destination s3)
    {
        var scheme = s3.Secure ? "https" : "http";
        var key = string.Join('/', s3.Filename.Split('/').Select(Uri.EscapeDataString));
        if (s3.Host is null)
        {
            return $"{scheme}://{s3.Bucket}.s3.amazonaws.com/{key}";
        }

        var host = Uri.TryCreate(s3.Host, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.Authority : s3.Host;
        return $"{scheme}://{host}/{s3.Bucket}/{key}";
    }

    private AmazonS3Client CreateClient(S3Destination s3)
    {
        var config = new AmazonS3Config
        {
            HttpClientFactory = new GuardedHttpClientFactory(http),
            // Our attempts, backoff and resumption replace the SDK's own retries.
            MaxErrorRetry = 0,
            // S3-compatible servers do not all know the newer flexible checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = options.Value.AttemptTimeout,
        };
        if (s3.Host is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(s3.Region ?? "us-east-1");
        }
        else
        {
            config.ServiceURL = s3.Host.Contains("://", StringComparison.Ordinal) ? s3.Host : $"https://{s3.Host}";
            config.AuthenticationRegion = s3.Region ?? "us-east-1";
            // Other hosts than AWS's (S3-compatible stores) rarely resolve bucket subdomains.
            config.ForcePathStyle = !s3.Host.Contains("amazonaws.com", StringComparison.OrdinalIgnoreCase);
        }

        return s3.UsePolicy
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(s3.AccessKeyId, s3.SecretAccessKey), config);
    }

    private static void Describe(PutObjectRequest request, S3Destination s3)
    {
        request.BucketName = s3.Bucket;
        request.Key = s3.Filename;
        request.ContentType = s3.ContentType;
        request.CannedACL = new S3CannedACL(s3.Acl);
        if (s3.ReducedRedundancy)
        {
            request.StorageClass = S3StorageClass.ReducedRedundancy;
        }

        SetHeaders(request.Headers, request.Metadata, s3);
    }

    private static void SetHeaders(HeadersCollection headers, MetadataCollection metadata, S3Destination s3)
    {
        if (s3.ContentDisposition is not null)
        {
            headers.ContentDisposition = s3.ContentDisposition;
        }

        if (s3.CacheControl is not null)
        {
            headers.CacheControl = s3.CacheControl;
        }

        foreach (var (name, value) in s3.Metadata)
        {
            metadata.Add(name, value);
        }
    }

    private async Task UploadMultipartAsync(
        AmazonS3Client client, S3Destination s3, UploadSource source, UploadSession session, CancellationToken cancellationToken)
    {
        var uploadId = session.Value;
        var done = uploadId is null ? null : await ListPartsAsync(client, s3, uploadId, cancellationToken);
        if (uploadId is null || done is null)
        {
            var start = new InitiateMultipartUploadRequest
            {
                BucketName = s3.Bucket,
                Key = s3.Filename,
                ContentType = s3.ContentType,
                CannedACL = new S3CannedACL(s3.Acl),
                StorageClass = s3.ReducedRedundancy ? S3StorageClass.ReducedRedundancy : null,
            };
            SetHeaders(start.Headers, start.Metadata, s3);
            uploadId = (await client.InitiateMultipartUploadAsync(start, cancellationToken)).UploadId;
            await session.SaveAsync(uploadId);
            done = [];
        }

        var partSize = options.Value.S3PartSize;
        var parts = (int)((source.Length + partSize - 1) / partSize);
        var etags = new List<PartETag>();
        var buffer = new byte[partSize];
        for (var number = 1; number <= parts; number++)
        {
            var offset = (number - 1) * partSize;
            var size = (int)Math.Min(partSize, source.Length - offset);
            if (done.TryGetValue(number, out var known) && known.Size == size)
            {
                etags.Add(new PartETag(number, known.ETag));
                continue;
            }

            source.Content.Position = offset;
            await source.Content.ReadExactlyAsync(buffer.AsMemory(0, size), cancellationToken);
            using var part = new MemoryStream(buffer, 0, size, writable: false);
            var sent = await client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = s3.Bucket,
                Key = s3.Filename,
                UploadId = uploadId,
                PartNumber = number,
                PartSize = size,
                InputStream = part,
                IsLastPart = number == parts,
                UseChunkEncoding = false,
            }, cancellationToken);
            etags.Add(new PartETag(number, sent.ETag));
        }

        var complete = new CompleteMultipartUploadRequest { BucketName = s3.Bucket, Key = s3.Filename, UploadId = uploadId };
        complete.AddPartETags(etags);
        await client.CompleteMultipartUploadAsync(complete, cancellationToken);
        await session.SaveAsync(null);
    }

    /// <summary>
    /// The parts of an earlier attempt by number, or null when that multipart upload is gone (completed or aborted) or
    /// the store cannot list parts.
    /// </summary>
    private static async Task<Dictionary<int, PartDetail>?> ListPartsAsync(
        AmazonS3Client client, S3Destination s3, string uploadId, CancellationToken cancellationToken)
    {
        var parts = new Dictionary<int, PartDetail>();
        try
        {
            int? marker = null;
            while (true)
            {
                var page = await client.ListPartsAsync(
                    new ListPartsRequest { BucketName = s3.Bucket, Key = s3.Filename, UploadId = uploadId, PartNumberMarker = marker?.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    cancellationToken);
                foreach (var part in page.Parts ?? [])
                {
                    parts[part.PartNumber ?? 0] = part;
                }

                if (page.IsTruncated != true || page.NextPartNumberMarker is null)
                {
                    return parts;
                }

                marker = page.NextPartNumberMarker;
            }
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
        {
            // A store without ListParts: the parts cannot be trusted, so start over and drop the old upload if it can be.
            try
            {
                await client.AbortMultipartUploadAsync(s3.Bucket, s3.Filename, uploadId, cancellationToken);
            }
            catch (AmazonS3Exception)
            {
            }

            return null;
        }
    }

    /// <summary>Gives the SDK clients over <see cref="UploadHttp"/>'s guarded handler.</summary>
    private sealed class GuardedHttpClientFactory(UploadHttp http) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => http.NewClient();

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}
