using Orleans.Render.Conventions.Credentials;

namespace Orleans.Render.Models.Uploads;

/// <summary>The one rule for destinations that upload with a credential the server holds instead of their own.</summary>
public static class ServerCredentialUse
{
    /// <summary>
    /// Null when the destination brings its own credentials or <paramref name="project"/> may use the server's; else
    /// the field that asks for a server-held credential the configuration does not grant to this project and target.
    /// </summary>
    public static string? RefusedField(this UploadDestination destination, string project, ServerCredentialsOptions credentials) => destination switch
    {
        S3Destination { UsePolicy: true } s3 when !credentials.AllowsAwsPolicy(project, s3.Bucket) => "aws_use_policy",
        AzureBlobDestination { ConnectionString: null, AccountKey: null, SasToken: null } azure
            when credentials.AzureAccountFor(project, azure.Account ?? "", azure.Container) is null => "account",
        _ => null,
    };
}
