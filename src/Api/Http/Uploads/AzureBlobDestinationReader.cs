using System.Text.RegularExpressions;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Http.Uploads;

/// <summary>
/// An <c>azureblob</c> destination: container and blob, with a connection string, or the account and its key or a SAS,
/// or only the account (impossible.io's fields), whose credential the server holds.
/// </summary>
internal sealed partial class AzureBlobDestinationReader : IDestinationReader
{
    public string Type => UploadDestinationTypes.AzureBlob;

    public UploadDestination Read(UploadFields d, string extension)
    {
        var container = d.Required("container");
        var blob = d.Text("key") ?? d.Text("blob") ?? throw d.Invalid("key", "(the blob name) is required");
        var (account, accountKey, sas, connection) = (d.Text("account"), d.Text("accountkey"), d.Text("sas"), d.Text("connectionstring"));
        // An account alone names a server-held credential, which the project must be granted (ServerCredentialUse).
        if (connection is null && account is null)
        {
            throw d.Invalid("connectionstring", "or 'account' (with 'accountkey' or 'sas', or an account the server holds) is required");
        }

        if (account is not null && !AccountName().IsMatch(account))
        {
            throw d.Invalid("account", "must be a storage account name (3 to 24 lower-case letters and digits)");
        }

        if (accountKey is not null && !Convert.TryFromBase64String(accountKey, new byte[accountKey.Length], out _))
        {
            throw d.Invalid("accountkey", "must be the account's base64 shared key");
        }

        if (connection is not null)
        {
            d.Check("connectionstring", BlobEndpointOf(connection) ?? throw d.Invalid("connectionstring", "must name an 'AccountName' or a 'BlobEndpoint'"));
        }

        return new AzureBlobDestination(account, container, blob, accountKey, sas, connection, d.HeaderValue("contenttype"));
    }

    /// <summary>The blob endpoint the storage SDK would call for a connection string (the development emulator is 127.0.0.1:10000).</summary>
    private static string? BlobEndpointOf(string connection)
    {
        var settings = connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (settings.TryGetValue("UseDevelopmentStorage", out var development) && development.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return settings.GetValueOrDefault("DevelopmentStorageProxyUri") ?? "http://127.0.0.1:10000";
        }

        if (settings.TryGetValue("BlobEndpoint", out var endpoint))
        {
            return endpoint;
        }

        return settings.TryGetValue("AccountName", out var name)
            ? $"{settings.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https"}://{name}.blob.{settings.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net"}"
            : null;
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountName();
}
