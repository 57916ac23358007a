namespace Orleans.Render.Conventions.Credentials;

/// <summary>
/// Bound from <c>Uploads:ServerCredentials</c> on the API (which refuses at once) and on the silos (which refuse again
/// and hold the secrets): which projects may upload with credentials the server holds. Nothing is allowed unless
/// listed, because a render request needs no credentials of its own.
/// </summary>
public sealed class ServerCredentialsOptions
{
    public const string Section = "Uploads:ServerCredentials";

    /// <summary>S3 <c>aws_use_policy</c>: the silo signs with its own AWS identity (environment, profile or instance role).</summary>
    public ServerCredentialGrant? AwsPolicy { get; set; }

    /// <summary>Azure Storage accounts by name, used by an <c>azureblob</c> task that names only <c>account</c>, <c>container</c> and <c>key</c>.</summary>
    public Dictionary<string, ServerCredentialGrant> AzureAccounts { get; set; } = new(StringComparer.Ordinal);

    public bool AllowsAwsPolicy(string project, string bucket) => AwsPolicy?.Allows(project, bucket) == true;

    /// <summary>The account's grant when <paramref name="project"/> may write to <paramref name="container"/> with it.</summary>
    public ServerCredentialGrant? AzureAccountFor(string project, string account, string container) =>
        AzureAccounts.TryGetValue(account, out var grant) && grant.Allows(project, container) ? grant : null;

    /// <summary>Every grant names at least one project; on the silos every Azure account also has its connection string.</summary>
    public bool IsValid(bool needsSecrets) =>
        (AwsPolicy is null || AwsPolicy.Projects.Count > 0)
        && AzureAccounts.Values.All(g => g.Projects.Count > 0 && (!needsSecrets || !string.IsNullOrWhiteSpace(g.ConnectionString)));
}
