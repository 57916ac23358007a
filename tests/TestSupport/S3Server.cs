using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Orleans.Render.TestSupport;

/// <summary>
/// A real S3-compatible server (the repository's pinned npm package <c>s3rver</c>) on a free loopback port with a fresh
/// data folder and one bucket, <see cref="Bucket"/>. It accepts the fixed key pair <see cref="AccessKey"/> /
/// <see cref="SecretKey"/> and keeps objects as files under <c>{data}/{bucket}/</c>.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    public const string Bucket = "uploads";

    private readonly ChildProcess process;
    private readonly string dataDirectory;

    private S3Server(ChildProcess process, string dataDirectory, int port)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>The value of an <c>s3</c> destination's <c>s3host</c> that reaches this server.</summary>
    public string Host => $"http://{Endpoint}";

    /// <summary>A real AWSSDK client on this server, for reading back what an upload stored.</summary>
    public AmazonS3Client CreateClient() => new(
        new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonS3Config
        {
            ServiceURL = Host,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    /// <summary>The object's bytes and response headers.</summary>
    public async Task<(byte[] Bytes, GetObjectResponse Response)> GetAsync(string key)
    {
        using var client = CreateClient();
        using var response = await client.GetObjectAsync(Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return (buffer.ToArray(), response);
    }

    /// <summary>Every key in the bucket.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync()
    {
        using var client = CreateClient();
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
        return [.. (listed.S3Objects ?? []).Select(o => o.Key)];
    }

    public static async Task<S3Server> StartAsync()
    {
        var executable = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "s3rver");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException("s3rver is not installed; run ./test.sh (it runs npm ci) or `npm ci` in the repository.", executable);
        }

        var port = Ports.Free();
        var data = Directory.CreateTempSubdirectory("s3rver-").FullName;
        var process = ChildProcess.Start(
            executable,
            ["--directory", data, "--address", "127.0.0.1", "--port", $"{port}", "--no-vhost-buckets", "--configure-bucket", Bucket],
            new Dictionary<string, string>(),
            data);
        await Ports.WaitUntilOpenAsync(port, TimeSpan.FromSeconds(30), process.Tail);
        return new S3Server(process, data, port);
    }

    /// <summary>The end of the server's request log (method, path and query of each request).</summary>
    public string RecentRequests() => process.Tail();

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
