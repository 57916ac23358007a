using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Orleans.Render.Storage;

/// <summary>Fails start-up with a message naming the setting, instead of failing at the first render or download.</summary>
public sealed partial class MediaStoreOptionsValidator : IValidateOptions<MediaStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaStoreOptions options) => options.Provider switch
    {
        MediaStoreOptions.FileSystem => string.IsNullOrWhiteSpace(options.Root)
            ? ValidateOptionsResult.Fail("Media:Root must name the folder for rendered media when Media:Provider is 'FileSystem'.")
            : ValidateOptionsResult.Success,
        MediaStoreOptions.AzureBlob => ValidateAzureBlob(options),
        _ => ValidateOptionsResult.Fail(
            $"Media:Provider must be '{MediaStoreOptions.FileSystem}' or '{MediaStoreOptions.AzureBlob}', not '{options.Provider}'."),
    };

    private static ValidateOptionsResult ValidateAzureBlob(MediaStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Media:ConnectionString is required when Media:Provider is 'AzureBlob' (UseDevelopmentStorage=true for a local Azurite).");
        }
        else if (!IsConnectionString(options.ConnectionString))
        {
            // The value itself is never repeated: it holds the account key.
            failures.Add("Media:ConnectionString is not an Azure Storage connection string.");
        }

        if (!ContainerPattern().IsMatch(options.Container))
        {
            failures.Add(
                $"Media:Container must be 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, not '{options.Container}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsConnectionString(string connectionString)
    {
        try
        {
            // Parses only; no request is sent.
            _ = new BlobServiceClient(connectionString);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerPattern();
}
